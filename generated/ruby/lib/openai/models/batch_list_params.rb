# frozen_string_literal: true

module OpenAI
  # The API's data types: one class per model of the spec.
  module Models
    # The parameters of `batches.list`.
    class BatchListParams < ::OpenAI::Internal::BaseModel
      # @api private
      #
      # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
      def self.fields
        @fields ||= {
          after: nil,
          limit: nil
        }.freeze
      end

      # A cursor for pagination: the ID of the last object of the previous page, to fetch the page that
      # follows it.
      #
      # @return [String, nil]
      def after
        @data[:after]
      end

      # How many objects to return, from 1 to 100.
      #
      # @return [Integer, nil]
      def limit
        @data[:limit]
      end
    end
  end
end
