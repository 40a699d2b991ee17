-- Headless Neovim (0.7+) set up with the README's init.lua (loaded with -u): the "Suppress … in
-- .competency-lint.json" quick fix as a Neovim user runs it. Open CL_FILE (the README's autocommand
-- attaches the server), wait for the CL_EXPECT_CODE finding, ask for code actions at it, apply the
-- suppression's workspace edit as Neovim applies edits (into a buffer of the config, which the
-- autocommand attaches too), save everything (:wall), then wait until the finding has gone while
-- the others stay. Writes what happened as JSON to CL_OUT.
local file = os.getenv('CL_FILE')
local out = os.getenv('CL_OUT')
local expect = os.getenv('CL_EXPECT_CODE')

local result = { offered = vim.NIL, clients = 0, config_attached = false, gone = false, others = 0 }
local function finish(code)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. code) end
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()

-- Each diagnostic of `code` as LSP sends it, its range rebuilt from Neovim's own fields (Neovim
-- 0.7 keeps the rest of the LSP diagnostic in user_data, but not its range).
local function ours(code)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = vim.deepcopy((d.user_data and d.user_data.lsp) or {})
    if (d.code or lsp.code) == code then
      lsp.range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }
      lsp.message = d.message
      table.insert(found, lsp)
    end
  end
  return found
end

if not vim.wait(30000, function() return #ours(expect) > 0 end, 20) then finish(1) end
local diagnostic = ours(expect)[1]
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = diagnostic.range,
  context = { diagnostics = { diagnostic } },
}, 10000) or {}
local action
for _, response in pairs(responses) do
  for _, a in ipairs(response.result or {}) do
    if a.title:find('Suppress ' .. expect, 1, true) == 1 then action = a end
  end
end
if not action then finish(1) end
result.offered = action.title
vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
local config = vim.fn.bufnr(vim.fn.fnamemodify(file, ':h') .. '/.competency-lint.json')
result.config_attached = config > 0 and next(vim.lsp.buf_get_clients(config)) ~= nil
vim.cmd('silent wall')
result.gone = vim.wait(30000, function() return #ours(expect) == 0 and #vim.diagnostic.get(bufnr) > 0 end, 20)
result.others = #vim.diagnostic.get(bufnr)
for _ in pairs(vim.lsp.get_active_clients()) do result.clients = result.clients + 1 end
vim.lsp.stop_client(vim.lsp.get_active_clients())
finish(result.gone and 0 or 1)
