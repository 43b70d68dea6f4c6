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

      # Create batch
      #
      # Creates and executes a batch from an uploaded file of requests.
      #
      # @overload create(completion_window:, endpoint:, input_file_id:, metadata: nil, output_expires_after: nil, request_options: {})
      #
      #   @param completion_window [Symbol, String] The time frame within which the batch should be
      #     processed. Currently only `24h` is supported.
      #   @param endpoint [Symbol, String] The endpoint to be used for all requests in the batch.
      #   @param input_file_id [String] The ID of an uploaded file that contains requests for the new
      #     batch. The file must be JSONL, uploaded with the purpose `batch`.
      #   @param metadata [Hash{Symbol=>String}, nil] Up to 16 key-value pairs attached to the object,
      #     for storing extra information in a structured form. Keys are strings of at most 64
      #     characters; values are strings of at most 512 characters.
      #   @param output_expires_after [OpenAI::Models::BatchCreateParams::OutputExpiresAfter, Hash{Symbol=>Object}, nil] The
      #     expiration policy for the output and error files of the batch.
      #   @param request_options [Hash{Symbol=>Object}] per-call options: `extra_headers`,
      #     `extra_query`, `extra_body`, `timeout` (seconds), `max_retries` and `idempotency_key`
      #
      #   @return [OpenAI::Models::Batch]
      #   @raise [OpenAI::Errors::APIError] when the API answers with an error or cannot be reached
      #   @raise [ArgumentError] for an unknown or missing parameter, or a path parameter that is empty,
      #     `.` or `..`
      # @see OpenAI::Models::BatchCreateParams
      def create(params = {})
        given, options = ::OpenAI::Internal::Params.split(
          params,
          %i[completion_window endpoint input_file_id metadata output_expires_after],
          %i[completion_window endpoint input_file_id]
        )
        @client.request(
          method: 'POST',
          path: '/batches',
          body: ::OpenAI::Internal::Params.pick(
            given,
            {
              'completion_window' => :completion_window,
              'endpoint' => :endpoint,
              'input_file_id' => :input_file_id,
              'metadata' => :metadata,
              'output_expires_after' => :output_expires_after
            },
            ['metadata']
          ),
          type: ::OpenAI::Models::Batch,
          options: options
        )
      end

      # Retrieve batch
      #
      # Retrieves a batch.
      #
      # @overload retrieve(batch_id, request_options: {})
      #
      #   @param batch_id [String] The ID of the batch to retrieve.
      #   @param request_options [Hash{Symbol=>Object}] per-call options: `extra_headers`,
      #     `extra_query`, `extra_body`, `timeout` (seconds), `max_retries` and `idempotency_key`
      #
      #   @return [OpenAI::Models::Batch]
      #   @raise [OpenAI::Errors::APIError] when the API answers with an error or cannot be reached
      #   @raise [ArgumentError] for an unknown or missing parameter, or a path parameter that is empty,
      #     `.` or `..`
      def retrieve(batch_id, params = {})
        _, options = ::OpenAI::Internal::Params.split(params, [], [])
        @client.request(
          method: 'GET',
          path: ::OpenAI::Internal::Path.expand(
            '/batches/{batch_id}',
            'batch_id' => batch_id
          ),
          type: ::OpenAI::Models::Batch,
          options: options
        )
      end

      # List batches
      #
      # List your organization's batches.
      #
      # @overload list(after: nil, limit: nil, request_options: {})
      #
      #   @param after [String, nil] A cursor for pagination: the ID of the last object of the previous
      #     page, to fetch the page that follows it.
      #   @param limit [Integer, nil] How many objects to return, from 1 to 100.
      #   @param request_options [Hash{Symbol=>Object}] per-call options: `extra_headers`,
      #     `extra_query`, `extra_body`, `timeout` (seconds), `max_retries` and `idempotency_key`
      #
      #   @return [OpenAI::Internal::CursorPage<OpenAI::Models::Batch>]
      #   @raise [OpenAI::Errors::APIError] when the API answers with an error or cannot be reached
      #   @raise [ArgumentError] for an unknown or missing parameter, or a path parameter that is empty,
      #     `.` or `..`
      # @see OpenAI::Models::BatchListParams
      def list(params = {})
        given, options = ::OpenAI::Internal::Params.split(
          params,
          %i[after limit],
          []
        )
        @client.request(
          method: 'GET',
          path: '/batches',
          query: ::OpenAI::Internal::Params.pick(
            given,
            {
              'after' => :after,
              'limit' => :limit
            }
          ),
          type: ::OpenAI::Models::Batch,
          page: ::OpenAI::Internal::CursorPage,
          options: options
        )
      end

      # Cancel batch
      #
      # Cancels an in-progress batch. The batch will be in status cancelling for up to 10 minutes,
      # before changing to cancelled, where it will have partial results (if any) available in the
      # output file.
      #
      # @overload cancel(batch_id, request_options: {})
      #
      #   @param batch_id [String] The ID of the batch to cancel.
      #   @param request_options [Hash{Symbol=>Object}] per-call options: `extra_headers`,
      #     `extra_query`, `extra_body`, `timeout` (seconds), `max_retries` and `idempotency_key`
      #
      #   @return [OpenAI::Models::Batch]
      #   @raise [OpenAI::Errors::APIError] when the API answers with an error or cannot be reached
      #   @raise [ArgumentError] for an unknown or missing parameter, or a path parameter that is empty,
      #     `.` or `..`
      def cancel(batch_id, params = {})
        _, options = ::OpenAI::Internal::Params.split(params, [], [])
        @client.request(
          method: 'POST',
          path: ::OpenAI::Internal::Path.expand(
            '/batches/{batch_id}/cancel',
            'batch_id' => batch_id
          ),
          type: ::OpenAI::Models::Batch,
          options: options
        )
      end
    end
  end
end
