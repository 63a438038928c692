-- prepress in Neovim (0.7 or newer): findings as you type in the Markdown
-- files of a Jekyll site, with quick fixes (`vim.lsp.buf.code_action()`)
-- and the rule's explanation on hover (`vim.lsp.buf.hover()`).
--
-- Put this file on your 'runtimepath' (for example as
-- ~/.config/nvim/lua/prepress.lua) and add to init.lua:
--
--   require('prepress').setup()
--   -- or, for a prepress not on the PATH:
--   require('prepress').setup({ cmd = { '/path/to/prepress', 'server' } })
local M = {}

-- The clients started with vim.lsp.start_client (before Neovim 0.8), by root.
local clients = {}

-- The site a file belongs to: the nearest folder at or above it with a
-- _config.yml or .prepress.yml, else the file's own folder.
local function root_of(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local start = dir
  while true do
    for _, name in ipairs({ '_config.yml', '.prepress.yml', '.prepress.yaml' }) do
      if vim.fn.filereadable(dir .. '/' .. name) == 1 then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return start
    end
    dir = parent
  end
end

-- Starts (or reuses) the server of the buffer's site and attaches it.
function M.attach(buf, cmd)
  local path = vim.api.nvim_buf_get_name(buf)
  if path == '' then
    return
  end
  local root = root_of(path)
  local config = {
    name = 'prepress',
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
  }
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = buf })
    return
  end
  if not clients[root] then
    clients[root] = vim.lsp.start_client(config)
  end
  if clients[root] then
    vim.lsp.buf_attach_client(buf, clients[root])
  end
end

-- Attaches prepress to every Markdown buffer. `opts.cmd` is the command
-- that starts the server (default: `prepress server` from the PATH).
function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { 'prepress', 'server' }
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'markdown',
    callback = function(args)
      M.attach(args.buf, cmd)
    end,
  })
end

return M
