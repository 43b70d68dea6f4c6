# frozen_string_literal: true

module OpenAI
  module Models
    # Counts of a batch's requests by outcome.
    class BatchRequestCounts
      # Requests that finished successfully.
      attr_reader :completed

      # Requests that failed.
      attr_reader :failed

      # All requests of the batch.
      attr_reader :total

      def initialize(data)
        @data = data
        @completed = data['completed']
        @failed = data['failed']
        @total = data['total']
      end

      def to_h
        @data
      end
    end
  end

  BatchRequestCounts = Models::BatchRequestCounts
end
