# frozen_string_literal: true

module OpenAI
  # The API's data types: one class per model of the spec.
  module Models
    # Token usage of a batch, summed over its requests.
    class BatchUsage < ::OpenAI::Internal::BaseModel
      # @api private
      #
      # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
      def self.fields
        @fields ||= {
          input_tokens: nil,
          input_tokens_details: ::OpenAI::Models::BatchUsage::InputTokensDetails,
          output_tokens: nil,
          output_tokens_details: ::OpenAI::Models::BatchUsage::OutputTokensDetails,
          total_tokens: nil
        }.freeze
      end

      # Tokens in the inputs.
      #
      # @return [Integer]
      def input_tokens
        @data[:input_tokens]
      end

      # A breakdown of the input tokens.
      #
      # @return [OpenAI::Models::BatchUsage::InputTokensDetails]
      def input_tokens_details
        @data[:input_tokens_details]
      end

      # Tokens in the outputs.
      #
      # @return [Integer]
      def output_tokens
        @data[:output_tokens]
      end

      # A breakdown of the output tokens.
      #
      # @return [OpenAI::Models::BatchUsage::OutputTokensDetails]
      def output_tokens_details
        @data[:output_tokens_details]
      end

      # Input and output tokens together.
      #
      # @return [Integer]
      def total_tokens
        @data[:total_tokens]
      end

      # A breakdown of the input tokens.
      class InputTokensDetails < ::OpenAI::Internal::BaseModel
        # @api private
        #
        # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
        def self.fields
          @fields ||= {
            cached_tokens: nil
          }.freeze
        end

        # Input tokens served from the prompt cache.
        #
        # @return [Integer]
        def cached_tokens
          @data[:cached_tokens]
        end
      end

      # A breakdown of the output tokens.
      class OutputTokensDetails < ::OpenAI::Internal::BaseModel
        # @api private
        #
        # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
        def self.fields
          @fields ||= {
            reasoning_tokens: nil
          }.freeze
        end

        # Output tokens spent on reasoning.
        #
        # @return [Integer]
        def reasoning_tokens
          @data[:reasoning_tokens]
        end
      end
    end
  end
end
