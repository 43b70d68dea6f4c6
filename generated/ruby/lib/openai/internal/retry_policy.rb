# frozen_string_literal: true

module OpenAI
  # @api private
  #
  # The machinery behind the client and the models; not part of the public interface.
  module Internal
    # When to retry a failed attempt, and how long to wait before the next one.
    class RetryPolicy
      # Statuses worth another attempt: timeout, lock conflict, rate limit, server errors.
      RETRYABLE_STATUSES = [408, 409, 429].freeze
      # A server-given delay is honoured only up to this many seconds.
      MAX_SERVER_DELAY = 60.0

      # @param initial_delay [Float] seconds before the first retry
      # @param max_delay [Float] cap of the exponential backoff, in seconds
      def initialize(initial_delay:, max_delay:)
        @initial_delay = initial_delay
        @max_delay = max_delay
      end

      # The `x-should-retry` header decides when present; else the status does.
      #
      # @param status [Integer]
      # @param headers [Hash{String=>String}] lower-case names
      # @return [Boolean]
      def retry_status?(status, headers)
        case headers['x-should-retry']
        when 'true' then true
        when 'false' then false
        else RETRYABLE_STATUSES.include?(status) || status >= 500
        end
      end

      # Seconds to wait before retry number `retries_taken + 1`.
      #
      # @param retries_taken [Integer]
      # @param headers [Hash{String=>String}] of the failed response; empty when there was none
      # @return [Float]
      def delay(retries_taken, headers = {})
        server_delay = server_delay(headers)
        return server_delay if server_delay

        backoff = [@initial_delay * (2.0**retries_taken), @max_delay].min
        jitter = 1 - (0.25 * rand)
        [backoff * jitter, 0.0].max
      end

      private

      # `retry-after-ms` (milliseconds), else `retry-after` (seconds or an HTTP date).
      def server_delay(headers)
        seconds = milliseconds(headers['retry-after-ms']) || seconds_or_date(headers['retry-after'])
        return nil if seconds.nil?

        seconds if seconds.positive? && seconds <= MAX_SERVER_DELAY
      end

      def milliseconds(value)
        number = value && Float(value, exception: false)
        number && (number / 1000.0)
      end

      def seconds_or_date(value)
        return nil if value.nil?

        Float(value, exception: false) || (Time.httpdate(value) - Time.now)
      rescue ArgumentError
        nil
      end
    end
  end
end
