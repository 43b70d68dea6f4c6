# frozen_string_literal: true

module OpenAI
  # The API's data types: one class per model of the spec.
  module Models
    # The parameters of `files.create`.
    class FileCreateParams < ::OpenAI::Internal::BaseModel
      # @api private
      #
      # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
      def self.fields
        @fields ||= {
          file: nil,
          purpose: ::OpenAI::Models::FileCreateParams::Purpose,
          expires_after: ::OpenAI::Models::FileCreateParams::ExpiresAfter
        }.freeze
      end

      # The file object (not the file name) to be uploaded.
      #
      # @return [Pathname, StringIO, IO, String, OpenAI::FilePart]
      def file
        @data[:file]
      end

      # The intended purpose of the uploaded file, `batch` for the Batch API.
      #
      # @return [Symbol, String]
      def purpose
        @data[:purpose]
      end

      # The expiration policy for the file. Files with purpose `batch` expire after 30 days by default.
      #
      # @return [OpenAI::Models::FileCreateParams::ExpiresAfter, nil]
      def expires_after
        @data[:expires_after]
      end

      # The intended purpose of the uploaded file, `batch` for the Batch API.
      module Purpose
        extend ::OpenAI::Internal::Enum

        # `assistants`
        ASSISTANTS = :assistants
        # `batch`
        BATCH = :batch
        # `fine-tune`
        FINE_TUNE = :"fine-tune"
        # `vision`
        VISION = :vision
        # `user_data`
        USER_DATA = :user_data
        # `evals`
        EVALS = :evals

        # @return [Array<Symbol>] every value the spec knows, in its order
        def self.values
          [
            ASSISTANTS,
            BATCH,
            FINE_TUNE,
            VISION,
            USER_DATA,
            EVALS
          ]
        end
      end

      # The expiration policy for the file. Files with purpose `batch` expire after 30 days by default.
      class ExpiresAfter < ::OpenAI::Internal::BaseModel
        # @api private
        #
        # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
        def self.fields
          @fields ||= {
            anchor: [:const, 'created_at'],
            seconds: nil
          }.freeze
        end

        # The time the expiration counts from; only `created_at`.
        #
        # @return [Symbol]
        def anchor
          @data[:anchor]
        end

        # Seconds after the anchor time that the file expires, from 3600 to 2592000.
        #
        # @return [Integer]
        def seconds
          @data[:seconds]
        end
      end
    end
  end
end
