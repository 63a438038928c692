# Builds Jekyll sites with the real Jekyll and writes what happened, for
# scripts/oracle. Usage: ruby scripts/oracle-build.rb SITE_DIR...
# For each SITE_DIR it writes SITE_DIR/../jekyll.json: whether the build
# failed and with what message, the warnings and errors Jekyll logged, and
# every post, page, document and static file it kept, with its URL.
#
# One process builds many sites (Jekyll starts in about a second; a small site
# builds in a tenth of that). Jekyll keeps a little global state between
# builds, which is reset here: the time zone (`timezone` sets ENV["TZ"]) and
# the logger. Plugins and Liquid tags, once loaded, stay loaded, so the caller
# starts one process per set of plugins.

require "json"
require "jekyll"

# Collects what Jekyll logs instead of printing it.
class Collector
  attr_reader :lines
  attr_accessor :level

  def initialize
    @lines = []
  end

  %i[debug info warn error].each do |level|
    define_method(level) do |message|
      @lines << [level.to_s, message.to_s.strip] unless level == :info
      true
    end
  end
end

zone = ENV.fetch("ORACLE_TZ", "UTC")

def entry(item, site, kind)
  dest = site.dest
  rel = item.respond_to?(:relative_path) ? item.relative_path.to_s : item.path.to_s
  written = begin
    File.exist?(item.destination(dest))
  rescue StandardError
    false
  end
  { "source" => rel.sub(%r!\A/!, ""), "url" => item.url.to_s, "kind" => kind,
    "written" => written,
    "generated" => !File.file?(File.join(site.source, rel)) }
end

ARGV.each do |dir|
  ENV["TZ"] = zone
  collector = Collector.new
  Jekyll.logger = collector
  Jekyll.logger.log_level = :debug
  result = { "site" => dir, "failed" => false, "step" => "setup" }
  site = nil
  begin
    config = Jekyll.configuration(
      "source" => dir, "destination" => File.join(dir, "_site"),
      "disable_disk_cache" => true
    )
    site = Jekyll::Site.new(config)
    # Site#process, step by step, to say in which step a build failed.
    %w[reset read generate render cleanup write].each do |step|
      result["step"] = step
      site.public_send(step)
    end
    result["step"] = "done"
  rescue StandardError, SyntaxError => e
    result["failed"] = true
    result["error_class"] = e.class.to_s
    result["error"] = e.message.to_s
  end
  result["log"] = collector.lines.select do |level, text|
    level != "debug" || text.start_with?("Skipping")
  end
  items = []
  if site
    site.posts.docs.each { |d| items << entry(d, site, "post") }
    site.pages.each { |p| items << entry(p, site, "page") }
    site.collections.each do |label, collection|
      next if label == "posts"

      collection.docs.each { |d| items << entry(d, site, label) }
      collection.files.each { |f| items << entry(f, site, "static") }
    end
    site.static_files.each { |f| items << entry(f, site, "static") }
  end
  result["items"] = items.uniq
  File.write(File.join(File.dirname(dir), "jekyll.json"), JSON.pretty_generate(result))
end
