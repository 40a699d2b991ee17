-- Headless Neovim (0.7+) set up with the README's init.lua (loaded with -u): rename a topic.
-- Open CL_FILE, wait for the CL_EXPECT_CODE finding (the server has analysed the file), put the
-- cursor on the topic CL_TOPIC and rename it to CL_NEW_NAME with vim.lsp.buf.rename, as `:lua
-- vim.lsp.buf.rename()` does after its prompt; write the buffer's lines as JSON to CL_OUT.
local file = os.getenv('CL_FILE')
local out = os.getenv('CL_OUT')
local expect = os.getenv('CL_EXPECT_CODE')
local topic = os.getenv('CL_TOPIC')
local new_name = os.getenv('CL_NEW_NAME')

local function finish(code, lines)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode({ lines = lines or {} }))
  f:close()
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. code) end
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local analysed = vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if (d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)) == expect then return true end
  end
  return false
end, 20)
if not analysed then finish(1) end

local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
for i, line in ipairs(lines) do
  local col = line:find(topic, 1, true)
  if col then
    vim.api.nvim_win_set_cursor(0, { i, col + 1 })
    break
  end
end

local function renamed()
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n'):find(new_name, 1, true) ~= nil
end
vim.lsp.buf.rename(new_name)
if not vim.wait(10000, renamed, 20) then finish(2, vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) end
finish(0, vim.api.nvim_buf_get_lines(bufnr, 0, -1, false))
