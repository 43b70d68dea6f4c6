# frozen_string_literal: true

module OpenAI
  # The API's data types: one class per model of the spec.
  module Models
    # Counts of a batch's requests by outcome.
    class BatchRequestCounts < ::OpenAI::Internal::BaseModel
      # @api private
      #
      # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
      def self.fields
        @fields ||= {
          completed: nil,
          failed: nil,
          total: nil
        }.freeze
      end

      # Requests that finished successfully.
      #
      # @return [Integer]
      def completed
        @data[:completed]
      end

      # Requests that failed.
      #
      # @return [Integer]
      def failed
        @data[:failed]
      end

      # All requests of the batch.
      #
      # @return [Integer]
      def total
        @data[:total]
      end
    end
  end
end
