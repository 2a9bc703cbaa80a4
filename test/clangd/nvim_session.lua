-- Run by Neovim after the file given on its command line is loaded, with
-- torchlint-clangd attached to it by docs/ide.md's snippet: waits for the
-- torch- finding, writes the buffer's diagnostics to $TORCHLINT_NVIM_OUT,
-- applies the finding's quick fix as :lua vim.lsp.buf.code_action() would,
-- saves the file and waits for the finding to go. Quits with status 1 when
-- something does not come.
local out = assert(os.getenv('TORCHLINT_NVIM_OUT'), 'TORCHLINT_NVIM_OUT is not set')
local timeout = 300000 -- ms; the preamble of <torch/torch.h> takes 15-25 s alone
local lines = {}

local function log(fmt, ...)
  table.insert(lines, string.format(fmt, ...))
end

local function finish(status)
  local f = assert(io.open(out, 'w'))
  f:write(table.concat(lines, '\n') .. '\n')
  f:close()
  vim.cmd(status == 0 and 'qall!' or 'cquit 1')
end

local function code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function torch_findings()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if tostring(code(d)):match('^torch%-') then
      table.insert(found, d)
    end
  end
  return found
end

if not vim.wait(timeout, function() return #torch_findings() > 0 end, 200) then
  log('error: no torch- finding within %d ms', timeout)
  return finish(1)
end
for _, client in pairs(vim.lsp.buf_get_clients(0)) do
  log('attached: %s', client.name)
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  log('diagnostic: %d:%d %s: %s', d.lnum + 1, d.col + 1, code(d), d.message)
end

-- The quick fix, asked for as vim.lsp.buf.code_action() does.
local finding = torch_findings()[1]
local params = {
  textDocument = vim.lsp.util.make_text_document_params(),
  range = {
    start = { line = finding.lnum, character = finding.col },
    ['end'] = { line = finding.end_lnum, character = finding.end_col },
  },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, finding.lnum) },
}
local applied = false
for _, response in pairs(vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, timeout) or {}) do
  for _, action in ipairs(response.result or {}) do
    if not applied and action.kind == 'quickfix' and action.edit then
      log('quick fix: %s', action.title)
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      applied = true
    end
  end
end
if not applied then
  log('error: no quick fix for %s', code(finding))
  return finish(1)
end
vim.cmd('write')
if not vim.wait(timeout, function() return #torch_findings() == 0 end, 200) then
  log('error: the finding is still reported after its quick fix')
  return finish(1)
end
log('after the quick fix: %d torch- findings', #torch_findings())
finish(0)
