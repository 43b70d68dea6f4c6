# frozen_string_literal: true

module OpenAI
  # A file to upload, with the file name and content type of its part of the form, as the official
  # gem's `FilePart`:
  #
  # @example
  #   OpenAI::FilePart.new(File.read('batch.jsonl'), filename: 'batch.jsonl', content_type: 'application/jsonl')
  class FilePart
    # @return [Pathname, StringIO, IO, String] what the file's bytes are read from
    attr_reader :content

    # @return [String, nil] the file name sent; nil sends `upload`
    attr_reader :filename

    # @return [String, nil] the content type sent; nil sends `application/octet-stream`
    attr_reader :content_type

    # @param content [Pathname, StringIO, IO, String] a path, an open file or IO, or the bytes themselves
    # @param filename [String, Pathname, nil] defaults to the name of a Pathname or File
    # @param content_type [String, nil]
    def initialize(content, filename: nil, content_type: nil)
      @content = content
      @filename = filename.nil? ? self.class.name_of(content) : ::File.basename(filename.to_s)
      @content_type = content_type&.to_s
    end

    # @api private
    #
    # The file name of a Pathname or of an IO opened on a file, else nil.
    #
    # @param content [Object]
    # @return [String, nil]
    def self.name_of(content)
      path = content.to_path if content.is_a?(Pathname) || content.respond_to?(:to_path)
      path.nil? ? nil : ::File.basename(path.to_s)
    end

    # @api private
    #
    # The file's bytes, read now.
    #
    # @return [String]
    def read
      bytes =
        case content
        when Pathname then content.binread
        when StringIO then content.string
        when String then content
        else content.read
        end
      bytes.to_s.b
    end
  end
end
