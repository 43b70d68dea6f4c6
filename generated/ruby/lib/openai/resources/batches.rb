# frozen_string_literal: true

require 'erb'

module OpenAI
  module Resources
    # Create and manage batches of API requests that run asynchronously.
    class Batches
      def initialize(client)
        @client = client
      end

      # Cancel batch
      def cancel(batch_id)
        raise ArgumentError, 'Expected a non-empty value for `batch_id`' if batch_id.to_s.empty?
        path = '/batches/{batch_id}/cancel'.sub('{batch_id}', ERB::Util.url_encode(batch_id.to_s))
        Models::Batch.new(@client.request('POST', path))
      end

      # Retrieve batch
      def retrieve(batch_id)
        raise ArgumentError, 'Expected a non-empty value for `batch_id`' if batch_id.to_s.empty?
        path = '/batches/{batch_id}'.sub('{batch_id}', ERB::Util.url_encode(batch_id.to_s))
        Models::Batch.new(@client.request('GET', path))
      end
    end
  end
end
