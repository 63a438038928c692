#!/usr/bin/env ruby
# frozen_string_literal: true

# Renders Markdown files with kramdown as Jekyll does (GFM input and Jekyll's
# kramdown defaults, from scripts/kramdown-jekyll.rb) and prints each file's
# HTML after a line `file<TAB>PATH`. Front matter, when a file has one, is
# left out first, as Jekyll does. The Rust test `markdown::oracle` compares
# what the "renders differently" and unclosed-block rules say with it.
# Usage: scripts/kramdown-html.rb FILE...

require_relative 'kramdown-jekyll'

ARGV.each do |path|
  text = File.read(path, encoding: 'UTF-8')
  text = Regexp.last_match.post_match if text =~ /\A---\s*\n.*?\n?^((---|\.\.\.)\s*$\n?)/m
  puts "file\t#{path}"
  puts Kramdown::Document.new(text, OPTIONS).to_html
end
