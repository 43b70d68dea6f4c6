# frozen_string_literal: true

module OpenAI
  # @api private
  #
  # The machinery behind the client and the models; not part of the public interface.
  module Internal
    # Extended by the enum modules of the models (e.g. `Batch::Status`), which define one Symbol
    # constant per value and `values`, the list of them.
    module Enum
      # The Symbol for a known value; any other value unchanged, so that a value the API adds
      # later reaches the caller instead of failing the whole response.
      #
      # @param value [Object]
      # @return [Object]
      def coerce(value)
        return value unless value.is_a?(String) || value.is_a?(Symbol)

        symbol = value.to_sym
        values.include?(symbol) ? symbol : value
      end

      # The Symbol of a value whose characters would be invisible in a Symbol literal (e.g. a
      # right-to-left mark): the enum module writes it as an escaped String instead.
      #
      # @param text [String]
      # @return [Symbol]
      def symbol(text)
        text.to_sym
      end
    end
  end
end
