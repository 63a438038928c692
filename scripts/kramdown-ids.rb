#!/usr/bin/env ruby
# frozen_string_literal: true

# Renders Markdown files with kramdown as Jekyll does (GFM input and Jekyll's
# kramdown defaults) and prints, per file, in document order:
#   heading<TAB>ID     each heading's id
#   para<TAB>link      a paragraph that holds a link, an image or a footnote
#   para<TAB>text      a paragraph that holds none (a reference left as text)
# The Rust test `markdown::oracle` compares these with prepress.
# Usage: scripts/kramdown-ids.rb FILE...

require_relative 'kramdown-jekyll'

def links?(element)
  %i[a img footnote].include?(element.type) || element.children.any? { |c| links?(c) }
end

def walk(element, out)
  case element.type
  when :header
    out << "heading\t#{element.attr['id']}"
  when :p
    out << "para\t#{links?(element) ? 'link' : 'text'}"
  else
    element.children.each { |c| walk(c, out) }
  end
end

ARGV.each do |path|
  root = Kramdown::Document.new(File.read(path, encoding: 'UTF-8'), OPTIONS).root
  out = []
  walk(root, out)
  puts "file\t#{path}"
  puts out
end
