-- Headless Neovim (0.7+): the "Suppress … in .competency-lint.json" quick fix as a Neovim user
-- runs it. Open CL_FILE with the server attached, wait for the CL_EXPECT_CODE finding, ask for code
-- actions at it, apply the suppression's workspace edit as Neovim applies edits (into a buffer of
-- the config), attach that buffer as a JSON buffer is attached, save everything (:wall), then wait
-- until the finding has gone while the others stay. Writes what happened as JSON to CL_OUT.
local file = os.getenv('CL_FILE')
local out = os.getenv('CL_OUT')
local expect = os.getenv('CL_EXPECT_CODE')
local cli = os.getenv('CL_CLI')

local result = { offered = vim.NIL, applied = false, gone = false, others = 0, titles = {} }
local function finish(code)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. code) end
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({ name = 'competency-lint', cmd = { 'node', cli, '--stdio' }, root_dir = vim.fn.fnamemodify(file, ':h') })
if not client_id then finish(2) end
vim.lsp.buf_attach_client(bufnr, client_id)

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
    table.insert(result.titles, a.title)
    if a.title:find('Suppress ' .. expect, 1, true) == 1 then action = a end
  end
end
if not action then finish(1) end
result.offered = action.title
vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
result.applied = true
-- The config's buffer is attached as any JSON buffer is (lspconfig does it on the json filetype).
local config = vim.fn.bufnr(vim.fn.fnamemodify(file, ':h') .. '/.competency-lint.json')
if config > 0 then vim.lsp.buf_attach_client(config, client_id) end
vim.cmd('silent wall')
result.gone = vim.wait(30000, function() return #ours(expect) == 0 and #vim.diagnostic.get(bufnr) > 0 end, 20)
result.others = #vim.diagnostic.get(bufnr)
vim.lsp.stop_client(client_id)
finish(result.gone and 0 or 1)
