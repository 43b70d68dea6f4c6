# frozen_string_literal: true

module OpenAI
  # @api private
  #
  # The machinery behind the client and the models; not part of the public interface.
  module Internal
    # A page of a list, as the official gem's `CursorPage`: its items, and the pages after it. The
    # next page repeats the request with `after` set to the `id` of this page's last item; there is
    # none when `has_more` is not true or this page is empty.
    #
    # @example
    #   page.auto_paging_each { |item| puts(item) }
    #   page = page.next_page if page.next_page?
    class CursorPage
      # @return [Array<Object>] the items of this page
      attr_reader :data

      # @return [Boolean, nil] whether the API has more items after this page
      attr_reader :has_more

      # @return [String, nil] the `x-request-id` header of this page's response
      attr_reader :request_id
      alias _request_id request_id

      # @api private
      #
      # @param client [OpenAI::Internal::BaseClient]
      # @param request [Hash{Symbol=>Object}] the arguments of the request that gave this page
      # @param body [Hash{Symbol=>Object}] the parsed response
      # @param request_id [String, nil]
      def initialize(client:, request:, body:, request_id:)
        @client = client
        @request = request
        @request_id = request_id
        items = body[:data]
        @data = items.is_a?(Array) ? items.map { |item| OpenAI::Internal::Coerce.load(request[:type], item) } : []
        @has_more = body[:has_more]
      end

      # @return [Boolean] whether there is a page after this one: `has_more` is true and the last
      #   item has a cursor
      def next_page?
        @has_more == true && !cursor.nil?
      end

      # The page after this one: one more request.
      #
      # @return [CursorPage]
      # @raise [RuntimeError] when there is none (check `next_page?` first)
      # @raise [OpenAI::Errors::APIError] when the API answers with an error or cannot be reached
      def next_page
        raise 'No more pages: check #next_page? before calling #next_page' unless next_page?

        query = @request.fetch(:query, {}).merge('after' => cursor)
        @client.request(**@request, query: query)
      end

      # Yields every item of this page and of the pages after it, requesting them as needed.
      #
      # @yieldparam item [Object]
      # @return [void]
      # @raise [ArgumentError] without a block
      def auto_paging_each(&block)
        raise ArgumentError, 'A block must be given to #auto_paging_each' unless block

        page = self
        loop do
          page.data.each(&block)
          break unless page.next_page?

          page = page.next_page
        end
      end

      # An Enumerator over every item of every page (by default), as `auto_paging_each` yields them.
      #
      # @param method [Symbol]
      # @return [Enumerator]
      def to_enum(method = :auto_paging_each, *args)
        super
      end
      alias enum_for to_enum

      # @return [String]
      def inspect
        "#<#{self.class.name} data=#{@data.size} items has_more=#{@has_more.inspect}>"
      end
      alias to_s inspect

      private

      # The next page's cursor: the last item's, nil without one.
      def cursor
        last = @data.last
        last[:id] if last.is_a?(OpenAI::Internal::BaseModel) || last.is_a?(Hash)
      end
    end
  end
end
