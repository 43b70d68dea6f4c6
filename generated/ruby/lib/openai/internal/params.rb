# frozen_string_literal: true

module OpenAI
  # @api private
  #
  # The machinery behind the client and the models; not part of the public interface.
  module Internal
    # Turns a method's arguments into the query or body it sends.
    module Params
      # The default of an optional parameter that can be sent as JSON null: such a parameter
      # needs a default other than nil to tell "not given" from "null".
      OMIT = Object.new.tap { |omit| omit.define_singleton_method(:inspect) { 'OMIT' } }.freeze

      module_function

      # The parameters that were given: nil leaves one out unless it is nullable.
      #
      # @param values [Hash{String=>Object}] by wire name
      # @param nullable [Array<String>] wire names for which nil means JSON null
      # @return [Hash{String=>Object}]
      def compact(values, nullable = [])
        values.reject { |name, value| value.equal?(OMIT) || (value.nil? && !nullable.include?(name)) }
      end
    end
  end
end
