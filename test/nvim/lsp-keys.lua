-- Headless Neovim (0.7+) set up with the README's init.lua (loaded with -u): what its keys show.
-- Open CL_FILE, wait for the CL_EXPECT_CODE finding, open the diagnostic float on it
-- (vim.diagnostic.open_float, as the README says) and press K on the same statement; write the
-- lines of each float as JSON to CL_OUT.
local file = os.getenv('CL_FILE')
local out = os.getenv('CL_OUT')
local expect = os.getenv('CL_EXPECT_CODE')
local result = { float = {}, hover = {} }

local function finish(code)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. code) end
end

local function floats()
  local found = {}
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= '' then table.insert(found, w) end
  end
  return found
end

local function close_floats()
  for _, w in ipairs(floats()) do vim.api.nvim_win_close(w, true) end
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local target
vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if (d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)) == expect then target = d return true end
  end
  return false
end, 20)
if not target then finish(1) end

vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col + 2 })
local fbuf = vim.diagnostic.open_float()
if fbuf then result.float = vim.api.nvim_buf_get_lines(fbuf, 0, -1, false) end
close_floats()

vim.api.nvim_feedkeys('K', 'x', false)
vim.wait(10000, function() return #floats() > 0 end, 20)
for _, w in ipairs(floats()) do
  vim.list_extend(result.hover, vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false))
end
close_floats()
finish(0)
