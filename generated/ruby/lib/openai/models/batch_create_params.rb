# frozen_string_literal: true

module OpenAI
  # The API's data types: one class per model of the spec.
  module Models
    # The parameters of `batches.create`.
    class BatchCreateParams < ::OpenAI::Internal::BaseModel
      # @api private
      #
      # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
      def self.fields
        @fields ||= {
          completion_window: ::OpenAI::Models::BatchCreateParams::CompletionWindow,
          endpoint: ::OpenAI::Models::BatchCreateParams::Endpoint,
          input_file_id: nil,
          metadata: [:map, nil],
          output_expires_after: ::OpenAI::Models::BatchCreateParams::OutputExpiresAfter
        }.freeze
      end

      # The time frame within which the batch should be processed. Currently only `24h` is supported.
      #
      # @return [Symbol, String]
      def completion_window
        @data[:completion_window]
      end

      # The endpoint to be used for all requests in the batch.
      #
      # @return [Symbol, String]
      def endpoint
        @data[:endpoint]
      end

      # The ID of an uploaded file that contains requests for the new batch. The file must be JSONL,
      # uploaded with the purpose `batch`.
      #
      # @return [String]
      def input_file_id
        @data[:input_file_id]
      end

      # Up to 16 key-value pairs attached to the object, for storing extra information in a structured
      # form. Keys are strings of at most 64 characters; values are strings of at most 512 characters.
      #
      # @return [Hash{Symbol=>String}, nil]
      def metadata
        @data[:metadata]
      end

      # The expiration policy for the output and error files of the batch.
      #
      # @return [OpenAI::Models::BatchCreateParams::OutputExpiresAfter, nil]
      def output_expires_after
        @data[:output_expires_after]
      end

      # The time frame within which the batch should be processed. Currently only `24h` is supported.
      module CompletionWindow
        extend ::OpenAI::Internal::Enum

        # `24h`
        VALUE_24_H = :"24h"

        # @return [Array<Symbol>] every value the spec knows, in its order
        def self.values
          [
            VALUE_24_H
          ]
        end
      end

      # The endpoint to be used for all requests in the batch.
      module Endpoint
        extend ::OpenAI::Internal::Enum

        # `/v1/responses`
        V_1_RESPONSES = :"/v1/responses"
        # `/v1/chat/completions`
        V_1_CHAT_COMPLETIONS = :"/v1/chat/completions"
        # `/v1/embeddings`
        V_1_EMBEDDINGS = :"/v1/embeddings"
        # `/v1/completions`
        V_1_COMPLETIONS = :"/v1/completions"
        # `/v1/moderations`
        V_1_MODERATIONS = :"/v1/moderations"
        # `/v1/images/generations`
        V_1_IMAGES_GENERATIONS = :"/v1/images/generations"
        # `/v1/images/edits`
        V_1_IMAGES_EDITS = :"/v1/images/edits"
        # `/v1/videos`
        V_1_VIDEOS = :"/v1/videos"

        # @return [Array<Symbol>] every value the spec knows, in its order
        def self.values
          [
            V_1_RESPONSES,
            V_1_CHAT_COMPLETIONS,
            V_1_EMBEDDINGS,
            V_1_COMPLETIONS,
            V_1_MODERATIONS,
            V_1_IMAGES_GENERATIONS,
            V_1_IMAGES_EDITS,
            V_1_VIDEOS
          ]
        end
      end

      # The expiration policy for the output and error files of the batch.
      class OutputExpiresAfter < ::OpenAI::Internal::BaseModel
        # @api private
        #
        # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
        def self.fields
          @fields ||= {
            anchor: [:const, 'created_at'],
            seconds: nil
          }.freeze
        end

        # The time the expiration counts from; only `created_at` (the file's creation).
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
