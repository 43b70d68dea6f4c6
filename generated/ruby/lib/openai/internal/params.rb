# frozen_string_literal: true

module OpenAI
  # @api private
  #
  # The machinery behind the client and the models; not part of the public interface.
  module Internal
    # Turns a method's parameters (keywords, or one Hash given positionally, as the official gem
    # takes them) into the query, headers or body it sends.
    module Params
      module_function

      # The parameters given and the request options, checked as Ruby checks keywords.
      #
      # @param params [Hash{Symbol, String=>Object}, OpenAI::Internal::BaseModel] by argument name,
      #   `request_options:` included
      # @param known [Array<Symbol>] the method's parameters
      # @param required [Array<Symbol>] the ones that must be given
      # @return [Array(Hash{Symbol=>Object}, Hash{Symbol=>Object})] the parameters given, the request options
      # @raise [ArgumentError] for an unknown or a missing parameter
      def split(params, known, required)
        params = params.to_h if params.is_a?(OpenAI::Internal::BaseModel)
        raise ArgumentError, "expected a Hash of parameters, got #{params.class}" unless params.is_a?(Hash)

        given = params.transform_keys(&:to_sym)
        options = given.delete(:request_options) || {}
        check_keywords('unknown', given.keys - known)
        check_keywords('missing', required - given.keys)
        [given, options]
      end

      # The parameters given, by wire name: nil leaves one out unless it is nullable (sent as null).
      #
      # @param given [Hash{Symbol=>Object}] by argument name
      # @param names [Hash{String=>Symbol}] the argument name of each wire name
      # @param nullable [Array<String>] wire names for which nil means JSON null
      # @return [Hash{String=>Object}]
      def pick(given, names, nullable = [])
        names.each_with_object({}) do |(wire, name), out|
          next unless given.key?(name)

          value = given[name]
          out[wire] = value unless value.nil? && !nullable.include?(wire)
        end
      end

      def check_keywords(problem, names)
        return if names.empty?

        raise ArgumentError, "#{problem} keyword#{names.size == 1 ? '' : 's'}: #{names.map(&:inspect).join(', ')}"
      end
      private_class_method :check_keywords
    end
  end
end
