-- Headless Neovim (0.7+) as an LSP client of `competency-lint --stdio`: open the file named by
-- CL_FILE, attach the server, wait until its diagnostics include CL_EXPECT_CODE (vim.wait runs
-- Neovim's event loop while it waits), write every diagnostic as JSON to CL_OUT, and exit
-- 0 when the expected one arrived, 1 when it did not. With CL_CLI the server is `node CL_CLI
-- --stdio`, started here; without it, the init.lua loaded with -u (the README's) attaches one.
local file = os.getenv('CL_FILE')
local out = os.getenv('CL_OUT')
local expect = os.getenv('CL_EXPECT_CODE')
local cli = os.getenv('CL_CLI')

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
if cli then
  local client_id = vim.lsp.start_client({
    name = 'competency-lint',
    cmd = { 'node', cli, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  if not client_id then
    vim.cmd('cquit 2')
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
end

local function lsp_of(d)
  return (d.user_data and d.user_data.lsp) or {}
end

local function code_of(d)
  return d.code or lsp_of(d).code
end

local arrived = vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(d) == expect then return true end
  end
  return false
end, 20)

local rows = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = lsp_of(d)
  table.insert(rows, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, source = d.source, code = code_of(d), message = d.message,
    href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
    related = lsp.relatedInformation or {},
  })
end
local f = assert(io.open(out, 'w'))
f:write(vim.fn.json_encode({ arrived = arrived, filetype = vim.bo[bufnr].filetype, diagnostics = rows }))
f:close()
vim.lsp.stop_client(vim.lsp.get_active_clients())
if arrived then vim.cmd('qall!') else vim.cmd('cquit 1') end
