# frozen_string_literal: true

module OpenAI
  # The API's data types: one class per model of the spec.
  module Models
    # The answer to deleting a file.
    class FileDeleted < ::OpenAI::Internal::BaseModel
      # @api private
      #
      # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
      def self.fields
        @fields ||= {
          id: nil,
          deleted: nil,
          object: [:const, 'file']
        }.freeze
      end

      # The identifier of the deleted file.
      #
      # @return [String]
      def id
        @data[:id]
      end

      # Whether the file was deleted.
      #
      # @return [Boolean]
      def deleted
        @data[:deleted]
      end

      # The kind of object, always `file`.
      #
      # @return [Symbol]
      def object
        @data[:object]
      end
    end
  end
end
