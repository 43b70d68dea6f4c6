# frozen_string_literal: true

module OpenAI
  # The API's data types: one class per model of the spec.
  module Models
    # The parameters of `files.list`.
    class FileListParams < ::OpenAI::Internal::BaseModel
      # @api private
      #
      # @return [Hash{Symbol=>Object}] the type descriptor of each property, by wire name
      def self.fields
        @fields ||= {
          after: nil,
          limit: nil,
          order: ::OpenAI::Models::FileListParams::Order,
          purpose: nil
        }.freeze
      end

      # A cursor for pagination: the ID of the last object of the previous page, to fetch the page that
      # follows it.
      #
      # @return [String, nil]
      def after
        @data[:after]
      end

      # How many objects to return, from 1 to 10,000.
      #
      # @return [Integer, nil]
      def limit
        @data[:limit]
      end

      # Sort order by the `created_at` timestamp of the objects.
      #
      # @return [Symbol, String, nil]
      def order
        @data[:order]
      end

      # Only return files with the given purpose.
      #
      # @return [String, nil]
      def purpose
        @data[:purpose]
      end

      # Sort order by the `created_at` timestamp of the objects.
      module Order
        extend ::OpenAI::Internal::Enum

        # `asc`
        ASC = :asc
        # `desc`
        DESC = :desc

        # @return [Array<Symbol>] every value the spec knows, in its order
        def self.values
          [
            ASC,
            DESC
          ]
        end
      end
    end
  end
end
