# frozen_string_literal: true

module OpenAI
  module Models
    # One problem found in a batch's input file.
    class BatchError
      # A code that identifies the kind of problem.
      attr_reader :code

      # The line of the input file where the problem is, if it is on one line.
      attr_reader :line

      # A sentence that explains the problem.
      attr_reader :message

      # The name of the parameter at fault, if one is.
      attr_reader :param

      def initialize(data)
        @data = data
        @code = data['code']
        @line = data['line']
        @message = data['message']
        @param = data['param']
      end

      def to_h
        @data
      end
    end
  end

  BatchError = Models::BatchError
end
