# frozen_string_literal: true

module OpenAI
  module Models
    # A batch of requests processed asynchronously from an input file.
    class Batch
      # The identifier of the batch.
      attr_reader :id

      # The time frame within which the batch should be processed.
      attr_reader :completion_window

      # When the batch was created, in seconds since the Unix epoch.
      attr_reader :created_at

      # The API endpoint that every request of the batch is sent to.
      attr_reader :endpoint

      # The identifier of the file that holds the batch's requests.
      attr_reader :input_file_id

      # The kind of object, always `batch`.
      attr_reader :object

      # Where the batch is in its lifecycle.
      attr_reader :status

      # When the batch was cancelled, in seconds since the Unix epoch.
      attr_reader :cancelled_at

      # When cancelling of the batch began, in seconds since the Unix epoch.
      attr_reader :cancelling_at

      # When the batch finished, in seconds since the Unix epoch.
      attr_reader :completed_at

      # The identifier of the file that holds the outputs of requests that failed.
      attr_reader :error_file_id

      # Problems found while validating the batch's input file.
      attr_reader :errors

      # When the batch expired, in seconds since the Unix epoch.
      attr_reader :expired_at

      # When the batch will expire, in seconds since the Unix epoch.
      attr_reader :expires_at

      # When the batch failed, in seconds since the Unix epoch.
      attr_reader :failed_at

      # When the batch began finalizing, in seconds since the Unix epoch.
      attr_reader :finalizing_at

      # When the batch began processing, in seconds since the Unix epoch.
      attr_reader :in_progress_at

      # Up to 16 key-value pairs attached to the object, for storing extra information in a structured form. Keys are strings of at most 64 characters; values are strings of at most 512 characters.
      attr_reader :metadata

      # The model used to process the batch's requests, such as `gpt-4o`.
      attr_reader :model

      # The identifier of the file that holds the outputs of requests that succeeded.
      attr_reader :output_file_id

      # How many requests of the batch are in each state.
      attr_reader :request_counts

      # Token usage of the batch, summed over its requests.
      attr_reader :usage

      def initialize(data)
        @data = data
        @id = data['id']
        @completion_window = data['completion_window']
        @created_at = data['created_at']
        @endpoint = data['endpoint']
        @input_file_id = data['input_file_id']
        @object = data['object']
        @status = data['status']
        @cancelled_at = data['cancelled_at']
        @cancelling_at = data['cancelling_at']
        @completed_at = data['completed_at']
        @error_file_id = data['error_file_id']
        @errors = data['errors']
        @expired_at = data['expired_at']
        @expires_at = data['expires_at']
        @failed_at = data['failed_at']
        @finalizing_at = data['finalizing_at']
        @in_progress_at = data['in_progress_at']
        @metadata = data['metadata']
        @model = data['model']
        @output_file_id = data['output_file_id']
        @request_counts = data['request_counts']
        @usage = data['usage']
      end

      def to_h
        @data
      end
    end
  end

  Batch = Models::Batch
end
