# frozen_string_literal: true

module OpenAI
  # @api private
  #
  # The machinery behind the client and the models; not part of the public interface.
  module Internal
    # Sends requests over Net::HTTP: builds URL, headers and body, applies timeouts and retries,
    # and turns failures into OpenAI::Errors. The generated Client sets it up from the spec.
    class BaseClient
      # No HTTP response within the timeout.
      TIMEOUT_ERRORS = [Net::OpenTimeout, Net::ReadTimeout, Net::WriteTimeout, Errno::ETIMEDOUT].freeze
      # No usable HTTP response: refused, reset or closed connection, malformed response.
      CONNECTION_ERRORS = [
        IOError, SocketError, SystemCallError, OpenSSL::SSL::SSLError, Net::HTTPBadResponse,
        Net::HTTPHeaderSyntaxError, Net::ProtocolError, Zlib::Error
      ].freeze
      # Methods that carry a body; without one they send `Content-Length: 0`, as browsers do.
      BODY_METHODS = %w[POST PUT PATCH].freeze

      # @return [String]
      attr_reader :base_url

      # @return [Float] seconds
      attr_reader :timeout

      # @return [Integer]
      attr_reader :max_retries

      # @param base_url [String]
      # @param timeout [Float] seconds, for connecting, writing and each read
      # @param max_retries [Integer]
      # @param retry_policy [RetryPolicy]
      # @param headers [Hash{String=>String}] sent with every request
      # @param request_id_header [String] the response header that carries the request id
      def initialize(base_url:, timeout:, max_retries:, retry_policy:, headers:, request_id_header:)
        unless max_retries.is_a?(Integer) && max_retries >= 0
          raise ArgumentError, "max_retries must be a non-negative Integer, got #{max_retries.inspect}"
        end

        @base_url = base_url
        @timeout = timeout
        @max_retries = max_retries
        @retry_policy = retry_policy
        @headers = lower_keys(headers)
        @request_id_header = request_id_header.downcase
        @connections = OpenAI::Internal::ConnectionPool.new
      end

      # Closes the connections kept open for reuse; the client stays usable and opens new ones.
      #
      # @return [void]
      def close
        @connections.close
      end

      # @api private
      #
      # Sends one API call, with retries, and returns its result loaded as `type`.
      #
      # @param method [String] e.g. "POST"
      # @param path [String] already expanded and encoded
      # @param query [Hash{String=>Object}] nil values are left out
      # @param body [Hash{String=>Object}, nil] sent as JSON when not nil
      # @param type [Object, nil] the type descriptor of the result; nil for none
      # @param options [Hash{Symbol=>Object}] the caller's request_options
      # @return [Object]
      def request(method:, path:, query: {}, body: nil, type: nil, options: {})
        options = OpenAI::Internal::RequestOptions.validate!(options)
        payload = encode_body(body, options[:extra_body])
        prepared = {
          method: method,
          url: build_url(path, query.merge(string_keys(options[:extra_query] || {}))),
          headers: build_headers(method, payload, options[:extra_headers]),
          payload: payload,
          timeout: options.fetch(:timeout, @timeout)
        }
        response = send_with_retries(prepared, options.fetch(:max_retries, @max_retries))
        parse(response, prepared[:url], type)
      end

      private

      def send_with_retries(prepared, max_retries)
        retries_taken = 0
        loop do
          may_retry = retries_taken < max_retries
          response = attempt(prepared, may_retry)
          return response if response && !(may_retry && retry_response?(response))

          sleep(@retry_policy.delay(retries_taken, response ? response_headers(response) : {}))
          retries_taken += 1
        end
      end

      # One attempt: the response, or nil after a failure that may be retried.
      def attempt(prepared, may_retry)
        send_once(prepared)
      rescue *TIMEOUT_ERRORS
        raise OpenAI::Errors::APITimeoutError.new(url: prepared[:url]) unless may_retry
      rescue *CONNECTION_ERRORS
        raise OpenAI::Errors::APIConnectionError.new(url: prepared[:url]) unless may_retry
      end

      def retry_response?(response)
        status = response.code.to_i
        !success?(status) && @retry_policy.retry_status?(status, response_headers(response))
      end

      # One attempt, redirects included.
      def send_once(prepared)
        OpenAI::Internal::Redirect::LIMIT.times do
          response = send_request(prepared)
          redirected = OpenAI::Internal::Redirect.follow(prepared, response)
          return response if redirected.nil?

          prepared = redirected
        end
        raise Net::ProtocolError, "more than #{OpenAI::Internal::Redirect::LIMIT} redirects"
      end

      def send_request(prepared)
        method = prepared[:method]
        url = prepared[:url]
        payload = prepared[:payload]
        # Without a payload the request is declared bodiless: Net::HTTP would otherwise add an empty
        # form body with its own Content-Type.
        request = Net::HTTPGenericRequest.new(method, !payload.nil?, method != 'HEAD', url.request_uri,
                                              prepared[:headers])
        request.body = payload if payload
        @connections.with_connection(url, prepared[:timeout]) { |http| http.request(request) }
      end

      def build_url(path, query)
        url = URI.parse(@base_url.chomp('/') + path)
        pairs = query.compact
        url.query = encode_query(pairs) unless pairs.empty?
        url
      end

      # Form encoding as Python's urlencode does it: unreserved characters kept, space as `+`.
      def encode_query(pairs)
        pairs.flat_map do |key, value|
          Array(value).map { |item| "#{encode_component(key)}=#{encode_component(query_value(item))}" }
        end.join('&')
      end

      def query_value(value)
        value.is_a?(Float) && value == value.floor ? value.to_i.to_s : value.to_s
      end

      def encode_component(text)
        text.to_s.b.gsub(/[^A-Za-z0-9\-._~ ]/) { |byte| format('%%%02X', byte.ord) }.tr(' ', '+')
      end

      def encode_body(body, extra_body)
        return nil if body.nil? && extra_body.nil?

        JSON.generate((body || {}).merge(string_keys(extra_body || {})))
      end

      def build_headers(method, payload, extra_headers)
        headers = @headers.dup
        if payload
          headers['content-type'] = 'application/json'
        elsif BODY_METHODS.include?(method)
          headers['content-length'] = '0'
        end
        lower_keys(extra_headers || {}).each do |name, value|
          value.nil? ? headers.delete(name) : headers[name] = value.to_s
        end
        headers
      end

      def parse(response, url, type)
        raise status_error(response, url) unless success?(response.code.to_i)
        return nil if type.nil?

        load_result(JSON.parse(response.body.to_s, symbolize_names: true), type, response, url)
      rescue JSON::ParserError
        raise validation_error(response, url, 'The response body is not valid JSON')
      end

      def load_result(data, type, response, url)
        if type.is_a?(Class) && data.is_a?(Hash)
          return type.from_response(data, request_id: response_headers(response)[@request_id_header])
        end

        value = OpenAI::Internal::Coerce.load(type, data)
        return value if OpenAI::Internal::Coerce.shaped?(type, value)

        raise validation_error(response, url, "Expected the response body to be #{describe(type)}")
      end

      def describe(type)
        type.is_a?(Class) ? "a JSON object (#{type.name})" : 'a JSON array'
      end

      def status_error(response, url)
        status = response.code.to_i
        headers = response_headers(response)
        body = error_body(response.body.to_s)
        error_class = OpenAI::Errors::APIStatusError.for_status(status)
        error_class.new(url: url, status: status, headers: headers, body: body,
                        request_id: headers[@request_id_header], message: error_message(status, body))
      end

      # The parsed JSON, unwrapped from `{"error": {...}}`, else the text; nil when empty.
      def error_body(text)
        return nil if text.strip.empty?

        body = JSON.parse(text, symbolize_names: true)
        body.is_a?(Hash) && body.key?(:error) ? body[:error] : body
      rescue JSON::ParserError
        text.strip
      end

      # "Error code: 404 - <the API's message>", as the other SDKs of this API word it.
      def error_message(status, body)
        detail = body[:message] if body.is_a?(Hash)
        detail.is_a?(String) && !detail.empty? ? "Error code: #{status} - #{detail}" : "Error code: #{status}"
      end

      def validation_error(response, url, message)
        headers = response_headers(response)
        OpenAI::Errors::APIResponseValidationError.new(
          url: url, status: response.code.to_i, headers: headers, body: response.body.to_s,
          request_id: headers[@request_id_header], message: message
        )
      end

      def success?(status)
        (200..299).cover?(status)
      end

      # Net::HTTP yields lower-case names, repeated headers joined with ", ".
      def response_headers(response)
        response.each_header.to_h
      end

      def lower_keys(hash)
        hash.to_h.transform_keys { |key| key.to_s.downcase }
      end

      def string_keys(hash)
        hash.to_h.transform_keys(&:to_s)
      end
    end
  end
end
