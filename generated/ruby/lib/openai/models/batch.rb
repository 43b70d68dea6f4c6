# frozen_string_literal: true

module OpenAI
  # The API's data types: one class per model of the spec.
  module Models
    # A batch of requests processed asynchronously from an input file.
    class Batch < ::OpenAI::Internal::BaseModel
      # @api private
      #
      # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
      def self.fields
        @fields ||= {
          id: nil,
          completion_window: nil,
          created_at: nil,
          endpoint: nil,
          input_file_id: nil,
          object: [:const, 'batch'],
          status: ::OpenAI::Models::Batch::Status,
          cancelled_at: nil,
          cancelling_at: nil,
          completed_at: nil,
          error_file_id: nil,
          errors: ::OpenAI::Models::Batch::Errors,
          expired_at: nil,
          expires_at: nil,
          failed_at: nil,
          finalizing_at: nil,
          in_progress_at: nil,
          metadata: [:map, nil],
          model: nil,
          output_file_id: nil,
          request_counts: ::OpenAI::Models::BatchRequestCounts,
          usage: ::OpenAI::Models::BatchUsage
        }.freeze
      end

      # The identifier of the batch.
      #
      # @return [String]
      def id
        @data[:id]
      end

      # The time frame within which the batch should be processed.
      #
      # @return [String]
      def completion_window
        @data[:completion_window]
      end

      # When the batch was created, in seconds since the Unix epoch.
      #
      # @return [Integer]
      def created_at
        @data[:created_at]
      end

      # The API endpoint that every request of the batch is sent to.
      #
      # @return [String]
      def endpoint
        @data[:endpoint]
      end

      # The identifier of the file that holds the batch's requests.
      #
      # @return [String]
      def input_file_id
        @data[:input_file_id]
      end

      # The kind of object, always `batch`.
      #
      # @return [Symbol]
      def object
        @data[:object]
      end

      # Where the batch is in its lifecycle.
      #
      # @return [Symbol, String]
      def status
        @data[:status]
      end

      # When the batch was cancelled, in seconds since the Unix epoch.
      #
      # @return [Integer, nil]
      def cancelled_at
        @data[:cancelled_at]
      end

      # When cancelling of the batch began, in seconds since the Unix epoch.
      #
      # @return [Integer, nil]
      def cancelling_at
        @data[:cancelling_at]
      end

      # When the batch finished, in seconds since the Unix epoch.
      #
      # @return [Integer, nil]
      def completed_at
        @data[:completed_at]
      end

      # The identifier of the file that holds the outputs of requests that failed.
      #
      # @return [String, nil]
      def error_file_id
        @data[:error_file_id]
      end

      # Problems found while validating the batch's input file.
      #
      # @return [OpenAI::Models::Batch::Errors, nil]
      def errors
        @data[:errors]
      end

      # When the batch expired, in seconds since the Unix epoch.
      #
      # @return [Integer, nil]
      def expired_at
        @data[:expired_at]
      end

      # When the batch will expire, in seconds since the Unix epoch.
      #
      # @return [Integer, nil]
      def expires_at
        @data[:expires_at]
      end

      # When the batch failed, in seconds since the Unix epoch.
      #
      # @return [Integer, nil]
      def failed_at
        @data[:failed_at]
      end

      # When the batch began finalizing, in seconds since the Unix epoch.
      #
      # @return [Integer, nil]
      def finalizing_at
        @data[:finalizing_at]
      end

      # When the batch began processing, in seconds since the Unix epoch.
      #
      # @return [Integer, nil]
      def in_progress_at
        @data[:in_progress_at]
      end

      # Up to 16 key-value pairs attached to the object, for storing extra information in a structured
      # form. Keys are strings of at most 64 characters; values are strings of at most 512 characters.
      #
      # @return [Hash{Symbol=>String}, nil]
      def metadata
        @data[:metadata]
      end

      # The model used to process the batch's requests, such as `gpt-4o`.
      #
      # @return [String, nil]
      def model
        @data[:model]
      end

      # The identifier of the file that holds the outputs of requests that succeeded.
      #
      # @return [String, nil]
      def output_file_id
        @data[:output_file_id]
      end

      # How many requests of the batch are in each state.
      #
      # @return [OpenAI::Models::BatchRequestCounts, nil]
      def request_counts
        @data[:request_counts]
      end

      # Token usage of the batch, summed over its requests.
      #
      # @return [OpenAI::Models::BatchUsage, nil]
      def usage
        @data[:usage]
      end

      # Where the batch is in its lifecycle.
      module Status
        extend ::OpenAI::Internal::Enum

        # `validating`
        VALIDATING = :validating
        # `failed`
        FAILED = :failed
        # `in_progress`
        IN_PROGRESS = :in_progress
        # `finalizing`
        FINALIZING = :finalizing
        # `completed`
        COMPLETED = :completed
        # `expired`
        EXPIRED = :expired
        # `cancelling`
        CANCELLING = :cancelling
        # `cancelled`
        CANCELLED = :cancelled

        # @return [Array<Symbol>] every value the spec knows, in its order
        def self.values
          [
            VALIDATING,
            FAILED,
            IN_PROGRESS,
            FINALIZING,
            COMPLETED,
            EXPIRED,
            CANCELLING,
            CANCELLED
          ]
        end
      end

      # Problems found while validating the batch's input file.
      class Errors < ::OpenAI::Internal::BaseModel
        # @api private
        #
        # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
        def self.fields
          @fields ||= {
            data: [:array, ::OpenAI::Models::BatchError],
            object: nil
          }.freeze
        end

        # One entry per problem found.
        #
        # @return [Array<OpenAI::Models::BatchError>, nil]
        def data
          @data[:data]
        end

        # The kind of object, always `list`.
        #
        # @return [String, nil]
        def object
          @data[:object]
        end
      end
    end
  end
end
