# frozen_string_literal: true

module OpenAI
  # @api private
  #
  # The machinery behind the client and the models; not part of the public interface.
  module Internal
    # The per-call `request_options:` Hash every resource method takes.
    module RequestOptions
      # @return [Array<Symbol>] the accepted keys
      KEYS = %i[extra_headers extra_query extra_body timeout max_retries idempotency_key].freeze

      module_function

      # @param options [Hash{Symbol=>Object}, nil]
      # @return [Hash{Symbol=>Object}] the same options, checked
      # @raise [ArgumentError] for an unknown key
      def validate!(options)
        options = (options || {}).to_h.transform_keys(&:to_sym)
        unknown = options.keys - KEYS
        raise ArgumentError, "unknown request_options: #{unknown.map(&:inspect).join(', ')}" unless unknown.empty?

        options
      end
    end
  end
end
