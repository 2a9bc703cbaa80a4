#!/bin/sh
# torchlint, with each command line logged to $TORCHLINT_LOG.
echo "torchlint $*" >> "$TORCHLINT_LOG"
exec "$REAL_TORCHLINT" "$@"
