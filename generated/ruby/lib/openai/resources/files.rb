# frozen_string_literal: true

module OpenAI
  # The API's resources, reached from the client.
  module Resources
    # Upload files for use with batches and other endpoints, and download their contents.
    class Files
      # @api private
      #
      # @param client [OpenAI::Client]
      def initialize(client:)
        @client = client
      end

      # Upload file
      #
      # Uploads a file that can be used across various endpoints. The Batch API only supports JSONL
      # files of up to 200 MB.
      #
      # @overload create(file:, purpose:, expires_after: nil, request_options: {})
      #
      #   @param file [Pathname, StringIO, IO, String, OpenAI::FilePart] The file object (not the file
      #     name) to be uploaded.
      #   @param purpose [Symbol, String] The intended purpose of the uploaded file, `batch` for the
      #     Batch API.
      #   @param expires_after [OpenAI::Models::FileCreateParams::ExpiresAfter, Hash{Symbol=>Object}, nil] The
      #     expiration policy for the file. Files with purpose `batch` expire after 30 days by default.
      #   @param request_options [Hash{Symbol=>Object}] per-call options: `extra_headers`,
      #     `extra_query`, `extra_body`, `timeout` (seconds), `max_retries` and `idempotency_key`
      #
      #   @return [OpenAI::Models::FileObject]
      #   @raise [OpenAI::Errors::APIError] when the API answers with an error or cannot be reached
      #   @raise [ArgumentError] for an unknown or missing parameter, or a path parameter that is empty,
      #     `.` or `..`
      # @see OpenAI::Models::FileCreateParams
      def create(params = {})
        given, options = ::OpenAI::Internal::Params.split(
          params,
          %i[file purpose expires_after],
          %i[file purpose]
        )
        @client.request(
          method: 'POST',
          path: '/files',
          body: ::OpenAI::Internal::Params.pick(
            given,
            {
              'file' => :file,
              'purpose' => :purpose,
              'expires_after' => :expires_after
            }
          ),
          multipart: true,
          files: ['file'],
          type: ::OpenAI::Models::FileObject,
          options: options
        )
      end

      # Retrieve file
      #
      # Returns information about a specific file.
      #
      # @overload retrieve(file_id, request_options: {})
      #
      #   @param file_id [String] The ID of the file.
      #   @param request_options [Hash{Symbol=>Object}] per-call options: `extra_headers`,
      #     `extra_query`, `extra_body`, `timeout` (seconds), `max_retries` and `idempotency_key`
      #
      #   @return [OpenAI::Models::FileObject]
      #   @raise [OpenAI::Errors::APIError] when the API answers with an error or cannot be reached
      #   @raise [ArgumentError] for an unknown or missing parameter, or a path parameter that is empty,
      #     `.` or `..`
      def retrieve(file_id, params = {})
        _, options = ::OpenAI::Internal::Params.split(params, [], [])
        @client.request(
          method: 'GET',
          path: ::OpenAI::Internal::Path.expand(
            '/files/{file_id}',
            'file_id' => file_id
          ),
          type: ::OpenAI::Models::FileObject,
          options: options
        )
      end

      # List files
      #
      # Returns a list of files.
      #
      # @overload list(after: nil, limit: nil, order: nil, purpose: nil, request_options: {})
      #
      #   @param after [String, nil] A cursor for pagination: the ID of the last object of the previous
      #     page, to fetch the page that follows it.
      #   @param limit [Integer, nil] How many objects to return, from 1 to 10,000.
      #   @param order [Symbol, String, nil] Sort order by the `created_at` timestamp of the objects.
      #   @param purpose [String, nil] Only return files with the given purpose.
      #   @param request_options [Hash{Symbol=>Object}] per-call options: `extra_headers`,
      #     `extra_query`, `extra_body`, `timeout` (seconds), `max_retries` and `idempotency_key`
      #
      #   @return [OpenAI::Internal::CursorPage<OpenAI::Models::FileObject>]
      #   @raise [OpenAI::Errors::APIError] when the API answers with an error or cannot be reached
      #   @raise [ArgumentError] for an unknown or missing parameter, or a path parameter that is empty,
      #     `.` or `..`
      # @see OpenAI::Models::FileListParams
      def list(params = {})
        given, options = ::OpenAI::Internal::Params.split(
          params,
          %i[after limit order purpose],
          []
        )
        @client.request(
          method: 'GET',
          path: '/files',
          query: ::OpenAI::Internal::Params.pick(
            given,
            {
              'after' => :after,
              'limit' => :limit,
              'order' => :order,
              'purpose' => :purpose
            }
          ),
          type: ::OpenAI::Models::FileObject,
          page: ::OpenAI::Internal::CursorPage,
          options: options
        )
      end

      # Delete file
      #
      # Deletes a file and removes it from all vector stores.
      #
      # @overload delete(file_id, request_options: {})
      #
      #   @param file_id [String] The ID of the file.
      #   @param request_options [Hash{Symbol=>Object}] per-call options: `extra_headers`,
      #     `extra_query`, `extra_body`, `timeout` (seconds), `max_retries` and `idempotency_key`
      #
      #   @return [OpenAI::Models::FileDeleted]
      #   @raise [OpenAI::Errors::APIError] when the API answers with an error or cannot be reached
      #   @raise [ArgumentError] for an unknown or missing parameter, or a path parameter that is empty,
      #     `.` or `..`
      def delete(file_id, params = {})
        _, options = ::OpenAI::Internal::Params.split(params, [], [])
        @client.request(
          method: 'DELETE',
          path: ::OpenAI::Internal::Path.expand(
            '/files/{file_id}',
            'file_id' => file_id
          ),
          type: ::OpenAI::Models::FileDeleted,
          options: options
        )
      end

      # Retrieve file content
      #
      # Returns the contents of the specified file.
      #
      # @overload content(file_id, request_options: {})
      #
      #   @param file_id [String] The ID of the file.
      #   @param request_options [Hash{Symbol=>Object}] per-call options: `extra_headers`,
      #     `extra_query`, `extra_body`, `timeout` (seconds), `max_retries` and `idempotency_key`
      #
      #   @return [StringIO]
      #   @raise [OpenAI::Errors::APIError] when the API answers with an error or cannot be reached
      #   @raise [ArgumentError] for an unknown or missing parameter, or a path parameter that is empty,
      #     `.` or `..`
      def content(file_id, params = {})
        _, options = ::OpenAI::Internal::Params.split(params, [], [])
        @client.request(
          method: 'GET',
          path: ::OpenAI::Internal::Path.expand(
            '/files/{file_id}/content',
            'file_id' => file_id
          ),
          binary: true,
          options: options
        )
      end
    end
  end
end
