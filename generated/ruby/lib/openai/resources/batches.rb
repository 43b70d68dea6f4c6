# frozen_string_literal: true

module OpenAI
  # The API's resources, reached from the client.
  module Resources
    # Create and manage batches of API requests that run asynchronously.
    class Batches
      # @api private
      #
      # @param client [OpenAI::Client]
      def initialize(client:)
        @client = client
      end

      # Cancel batch
      #
      # Cancels an in-progress batch. The batch will be in status cancelling for up to 10 minutes,
      # before changing to cancelled, where it will have partial results (if any) available in the
      # output file.
      #
      # @param batch_id [String] The ID of the batch to cancel.
      # @param request_options [Hash{Symbol=>Object}] per-call options: `extra_headers`,
      #   `extra_query`, `extra_body`, `timeout` (seconds) and `max_retries`
      #
      # @return [OpenAI::Models::Batch]
      # @raise [OpenAI::Errors::APIError] when the API answers with an error or cannot be reached
      # @raise [ArgumentError] for a path parameter that is empty, `.` or `..`
      def cancel(batch_id, request_options: {})
        @client.request(
          method: 'POST',
          path: ::OpenAI::Internal::Path.expand(
            '/batches/{batch_id}/cancel',
            'batch_id' => batch_id
          ),
          type: ::OpenAI::Models::Batch,
          options: request_options
        )
      end

      # Retrieve batch
      #
      # Retrieves a batch.
      #
      # @param batch_id [String] The ID of the batch to retrieve.
      # @param request_options [Hash{Symbol=>Object}] per-call options: `extra_headers`,
      #   `extra_query`, `extra_body`, `timeout` (seconds) and `max_retries`
      #
      # @return [OpenAI::Models::Batch]
      # @raise [OpenAI::Errors::APIError] when the API answers with an error or cannot be reached
      # @raise [ArgumentError] for a path parameter that is empty, `.` or `..`
      def retrieve(batch_id, request_options: {})
        @client.request(
          method: 'GET',
          path: ::OpenAI::Internal::Path.expand(
            '/batches/{batch_id}',
            'batch_id' => batch_id
          ),
          type: ::OpenAI::Models::Batch,
          options: request_options
        )
      end
    end
  end
end
