# frozen_string_literal: true

module OpenAI
  module Internal
    # Keeps open connections for reuse, per origin, as an HTTP client with keep-alive does: calls
    # after the first skip the TCP (and TLS) handshake. A connection is used by one request at a
    # time; one that failed is closed, never reused. Net::HTTP itself reconnects a kept connection
    # that the server has closed meanwhile.
    class ConnectionPool
      # Idle connections kept per origin; more are closed when they come back.
      MAX_IDLE_PER_ORIGIN = 8

      def initialize
        @idle = Hash.new { |hash, origin| hash[origin] = [] }
        @mutex = Mutex.new
      end

      # Yields a started connection to the origin of `url`, with `timeout` for connecting, writing
      # and each read, and keeps it for the next call unless the block raised.
      #
      # @param url [URI::Generic]
      # @param timeout [Float, nil] seconds; nil waits forever
      # @yieldparam http [Net::HTTP]
      # @return [Object] what the block returns
      def with_connection(url, timeout)
        origin = [url.scheme, url.host, url.port]
        http = checkout(origin) || build(url)
        http.open_timeout = http.read_timeout = http.write_timeout = timeout
        http.start unless http.started?
        result = yield http
        checkin(origin, http)
        result
      rescue StandardError
        discard(http)
        raise
      end

      # Closes every idle connection.
      #
      # @return [void]
      def close
        connections = @mutex.synchronize { @idle.values.flatten.tap { @idle.clear } }
        connections.each { |http| discard(http) }
        nil
      end

      private

      def checkout(origin)
        @mutex.synchronize { @idle[origin].pop }
      end

      def checkin(origin, http)
        kept = @mutex.synchronize do
          @idle[origin].size < MAX_IDLE_PER_ORIGIN && @idle[origin].push(http)
        end
        discard(http) unless kept
      end

      def build(url)
        http = Net::HTTP.new(url.host, url.port)
        http.use_ssl = url.scheme == 'https'
        http.max_retries = 0 # retries are ours to count; Net::HTTP would silently resend GETs
        http
      end

      def discard(http)
        http.finish if http&.started?
      rescue IOError
        nil # already closed
      end
    end
  end
end
