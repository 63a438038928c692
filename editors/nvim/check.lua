-- The headless Neovim test of `prepress server` (run by .ci/nvim-check):
-- opens the post g:prepress_post, waits for its `misspelling` finding,
-- applies the quick fix that replaces the word, and writes the file. Any
-- failure exits with status 1 and says why on standard error.
local function fail(why)
  io.stderr:write('nvim-check: ' .. why .. '\n')
  vim.cmd('cquit 1')
end

local ok, err = pcall(function()
  require('prepress').setup({ cmd = { vim.g.prepress_bin, 'server' } })
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.g.prepress_post))
  local buf = vim.api.nvim_get_current_buf()

  local found
  vim.wait(30000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == 'misspelling' then
        found = d
        return true
      end
    end
    return false
  end, 50)
  if not found then
    return fail('no misspelling diagnostic arrived')
  end

  local client
  for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
    client = c
  end
  -- The finding's start, in the client's encoding (UTF-16 here).
  vim.api.nvim_win_set_cursor(0, { found.lnum + 1, found.col })
  local at = vim.lsp.util.make_position_params(0, client.offset_encoding).position
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = at, ['end'] = at },
    context = { diagnostics = {} },
  }
  local answer = client.request_sync('textDocument/codeAction', params, 30000, buf)
  if not answer or answer.err then
    return fail('no code actions: ' .. vim.inspect(answer))
  end
  local applied = false
  for _, action in ipairs(answer.result or {}) do
    if not applied and action.title:match('^Replace') then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
      applied = true
    end
  end
  if not applied then
    return fail('no fix among ' .. vim.inspect(answer.result))
  end
  vim.cmd('write')
end)
if not ok then
  fail(tostring(err))
end
vim.cmd('qall!')
