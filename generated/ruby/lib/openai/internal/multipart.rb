# frozen_string_literal: true

module OpenAI
  # @api private
  #
  # The machinery behind the client and the models; not part of the public interface.
  module Internal
    # A multipart/form-data body, as the official SDKs send an upload: a file (Pathname, IO, StringIO
    # or FilePart) as a part with its file name (`upload` when it has none, as httpx names one), other
    # values as text, nested objects as bracketed names (`expires_after[anchor]`), arrays as one part
    # per item under the same name.
    module Multipart
      module_function

      # @param fields [Hash{String=>Object}] by wire name
      # @param files [Array<String>] the wire names of file parameters: a String given there is the
      #   file's content, not text
      # @return [Array(String, String)] the content type (with its boundary) and the body
      def encode(fields, files = [])
        boundary = "OpenAI-boundary-#{SecureRandom.hex(16)}"
        body = String.new(encoding: Encoding::BINARY)
        fields.each do |name, value|
          append(body, boundary, name.to_s, files.include?(name.to_s) ? as_file(value) : value)
        end
        body << "--#{boundary}--\r\n"
        ["multipart/form-data; boundary=#{boundary}", body]
      end

      # A String given for a file parameter (alone or in an array) is the file's content.
      def as_file(value)
        return value.map { |item| as_file(item) } if value.is_a?(Array)

        value.is_a?(String) ? OpenAI::FilePart.new(value) : value
      end

      def append(body, boundary, name, value)
        case value
        when nil then nil
        when Hash then value.each { |key, item| append(body, boundary, "#{name}[#{key}]", item) }
        when Array then value.each { |item| append(body, boundary, name, item) }
        when OpenAI::FilePart, Pathname, StringIO, IO then file_part(body, boundary, name, value)
        else text_part(body, boundary, name, value)
        end
      end

      def file_part(body, boundary, name, value)
        file = value.is_a?(OpenAI::FilePart) ? value : OpenAI::FilePart.new(value)
        filename = quote(file.filename || 'upload')
        body << "--#{boundary}\r\n"
        body << %(Content-Disposition: form-data; name="#{quote(name)}"; filename="#{filename}"\r\n)
        body << "Content-Type: #{file.content_type || 'application/octet-stream'}\r\n\r\n"
        body << file.read << "\r\n"
      end

      # A value as text (`text/plain`, as the official gem sends one), a model as JSON.
      def text_part(body, boundary, name, value)
        json = value.is_a?(OpenAI::Internal::BaseModel)
        body << "--#{boundary}\r\n"
        body << %(Content-Disposition: form-data; name="#{quote(name)}"\r\n)
        body << "Content-Type: #{json ? 'application/json' : 'text/plain'}\r\n\r\n"
        body << (json ? JSON.generate(value) : value.to_s).b << "\r\n"
      end

      # A name inside the quotes of Content-Disposition, escaped as browsers do (WHATWG).
      def quote(text)
        text.to_s.b.gsub(/["\r\n]/) { |char| format('%%%02X', char.ord) }
      end
      private_class_method :as_file, :append, :file_part, :text_part, :quote
    end
  end
end
