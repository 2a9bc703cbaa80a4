// C++ that does not use LibTorch: the hook lets it through unparsed (the
// header below exists only in the build that compiles it).
#include "generated/config.h"

int answer() { return GENERATED_ANSWER; }
