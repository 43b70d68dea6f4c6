# frozen_string_literal: true

module OpenAI
  # The API's data types: one class per model of the spec.
  module Models
    # One problem found in a batch's input file.
    class BatchError < ::OpenAI::Internal::BaseModel
      # @api private
      #
      # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
      def self.fields
        @fields ||= {
          code: nil,
          line: nil,
          message: nil,
          param: nil
        }.freeze
      end

      # A code that identifies the kind of problem.
      #
      # @return [String, nil]
      def code
        @data[:code]
      end

      # The line of the input file where the problem is, if it is on one line.
      #
      # @return [Integer, nil]
      def line
        @data[:line]
      end

      # A sentence that explains the problem.
      #
      # @return [String, nil]
      def message
        @data[:message]
      end

      # The name of the parameter at fault, if one is.
      #
      # @return [String, nil]
      def param
        @data[:param]
      end
    end
  end
end
