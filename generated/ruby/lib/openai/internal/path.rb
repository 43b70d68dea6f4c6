# frozen_string_literal: true

module OpenAI
  # @api private
  #
  # The machinery behind the client and the models; not part of the public interface.
  module Internal
    # Fills the `{name}` placeholders of a path template with percent-encoded values.
    module Path
      # Every byte but the unreserved characters of RFC 3986 is encoded, so a value can never
      # add a segment, a query or a fragment to the path.
      UNRESERVED = /[^A-Za-z0-9\-._~]/

      module_function

      # @param template [String] e.g. "/batches/{batch_id}/cancel"
      # @param values [Hash{String=>Object}] by placeholder name
      # @return [String]
      # @raise [ArgumentError] for a value that is nil, empty, "." or ".."
      def expand(template, values)
        template.gsub(/\{([^{}]+)\}/) { segment(Regexp.last_match(1), values.fetch(Regexp.last_match(1))) }
      end

      # @param name [String]
      # @param value [Object]
      # @return [String]
      def segment(name, value)
        text = value.to_s
        raise ArgumentError, "Expected a non-empty value for `#{name}` but received #{value.inspect}" if text.empty?
        if ['.', '..'].include?(text)
          raise ArgumentError, "Expected a value other than `.` or `..` for `#{name}` but received #{value.inspect}"
        end

        text.b.gsub(UNRESERVED) { |byte| format('%%%02X', byte.ord) }
      end
    end
  end
end
