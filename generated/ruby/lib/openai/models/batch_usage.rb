# frozen_string_literal: true

module OpenAI
  module Models
    # Token usage of a batch, summed over its requests.
    class BatchUsage
      # Tokens in the inputs.
      attr_reader :input_tokens

      # A breakdown of the input tokens.
      attr_reader :input_tokens_details

      # Tokens in the outputs.
      attr_reader :output_tokens

      # A breakdown of the output tokens.
      attr_reader :output_tokens_details

      # Input and output tokens together.
      attr_reader :total_tokens

      def initialize(data)
        @data = data
        @input_tokens = data['input_tokens']
        @input_tokens_details = data['input_tokens_details']
        @output_tokens = data['output_tokens']
        @output_tokens_details = data['output_tokens_details']
        @total_tokens = data['total_tokens']
      end

      def to_h
        @data
      end
    end
  end

  BatchUsage = Models::BatchUsage
end
