# frozen_string_literal: true

# Kramdown as Jekyll runs it, shared by scripts/kramdown-ids.rb and
# scripts/kramdown-html.rb.

require 'kramdown'
require 'kramdown-parser-gfm'

# Jekyll 4.3's defaults for kramdown (lib/jekyll/configuration.rb).
OPTIONS = {
  input: 'GFM',
  auto_ids: true,
  toc_levels: (1..6).to_a,
  entity_output: 'as_char',
  smart_quotes: 'lsquo,rsquo,ldquo,rdquo',
  hard_wrap: false,
  footnote_nr: 1,
  syntax_highlighter: nil
}.freeze
