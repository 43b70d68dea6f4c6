# frozen_string_literal: true

module OpenAI
  # The API's data types: one class per model of the spec.
  module Models
    # A document that has been uploaded to OpenAI.
    class FileObject < ::OpenAI::Internal::BaseModel
      # @api private
      #
      # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
      def self.fields
        @fields ||= {
          id: nil,
          bytes: nil,
          created_at: nil,
          filename: nil,
          object: [:const, 'file'],
          purpose: ::OpenAI::Models::FileObject::Purpose,
          status: ::OpenAI::Models::FileObject::Status,
          expires_at: nil,
          status_details: nil
        }.freeze
      end

      # The file identifier, which can be referenced in the API endpoints.
      #
      # @return [String]
      def id
        @data[:id]
      end

      # The size of the file, in bytes.
      #
      # @return [Integer]
      def bytes
        @data[:bytes]
      end

      # When the file was created, in seconds since the Unix epoch.
      #
      # @return [Integer]
      def created_at
        @data[:created_at]
      end

      # The name of the file.
      #
      # @return [String]
      def filename
        @data[:filename]
      end

      # The kind of object, always `file`.
      #
      # @return [Symbol]
      def object
        @data[:object]
      end

      # The intended purpose of the file.
      #
      # @return [Symbol, String]
      def purpose
        @data[:purpose]
      end

      # Deprecated. The current status of the file.
      #
      # @deprecated
      # @return [Symbol, String]
      def status
        @data[:status]
      end

      # When the file will expire, in seconds since the Unix epoch.
      #
      # @return [Integer, nil]
      def expires_at
        @data[:expires_at]
      end

      # Deprecated. For details on why a fine-tuning training file failed validation, see the `error`
      # field on `fine_tuning.job`.
      #
      # @deprecated
      # @return [String, nil]
      def status_details
        @data[:status_details]
      end

      # The intended purpose of the file.
      module Purpose
        extend ::OpenAI::Internal::Enum

        # `assistants`
        ASSISTANTS = :assistants
        # `assistants_output`
        ASSISTANTS_OUTPUT = :assistants_output
        # `batch`
        BATCH = :batch
        # `batch_output`
        BATCH_OUTPUT = :batch_output
        # `fine-tune`
        FINE_TUNE = :"fine-tune"
        # `fine-tune-results`
        FINE_TUNE_RESULTS = :"fine-tune-results"
        # `vision`
        VISION = :vision
        # `user_data`
        USER_DATA = :user_data

        # @return [Array<Symbol>] every value the spec knows, in its order
        def self.values
          [
            ASSISTANTS,
            ASSISTANTS_OUTPUT,
            BATCH,
            BATCH_OUTPUT,
            FINE_TUNE,
            FINE_TUNE_RESULTS,
            VISION,
            USER_DATA
          ]
        end
      end

      # Deprecated. The current status of the file.
      module Status
        extend ::OpenAI::Internal::Enum

        # `uploaded`
        UPLOADED = :uploaded
        # `processed`
        PROCESSED = :processed
        # `error`
        ERROR = :error

        # @return [Array<Symbol>] every value the spec knows, in its order
        def self.values
          [
            UPLOADED,
            PROCESSED,
            ERROR
          ]
        end
      end
    end
  end
end
