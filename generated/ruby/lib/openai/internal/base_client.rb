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
      # The header of the `idempotency_key` request option.
      IDEMPOTENCY_HEADER = 'idempotency-key'
      # The `Accept` header of a method that returns the response's bytes, as the official SDKs send it.
      BINARY = 'application/binary'

      # @return [String]
      attr_reader :base_url

      # @return [Float, nil] seconds; nil waits forever
      attr_reader :timeout

      # @return [Integer]
      attr_reader :max_retries

      # @param base_url [String]
      # @param timeout [Float, nil] seconds, for connecting, writing and each read; nil waits forever
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
      # Sends one API call, with retries, and returns its result: loaded as `type`, a page of `type`
      # items when `page` is given, the raw bytes in a StringIO when `binary` is true.
      #
      # @param method [String] e.g. "POST"
      # @param path [String] already expanded and encoded
      # @param query [Hash{String=>Object}] nil values are left out
      # @param headers [Hash{String=>Object}] the method's header parameters
      # @param body [Hash{String=>Object}, nil] sent as JSON (or as a multipart form) when not nil
      # @param multipart [Boolean] whether the body is sent as multipart/form-data
      # @param files [Array<String>] the body's file parameters, for a multipart body
      # @param type [Object, nil] the type descriptor of the result (of each item of a page); nil for none
      # @param page [Class, nil] the page class of a paginated method
      # @param binary [Boolean] whether the result is the response's bytes
      # @param timeout [Float, nil] the method's own default timeout, in seconds
      # @param options [Hash{Symbol=>Object}] the caller's request_options
      # @param auth [Symbol] the client option whose key authorizes the call
      # @return [Object]
      # @raise [ArgumentError] before sending anything, when the client has no such key
      def request(method:, path:, query: {}, headers: {}, body: nil, multipart: false, files: [], type: nil, page: nil,
                  binary: false, timeout: nil, options: {}, auth: :api_key)
        checked = OpenAI::Internal::RequestOptions.validate!(options)
        headers = method_headers(headers, binary, auth)
        encoded = encode_body(body, checked[:extra_body], multipart, files)
        url = build_url(path, query, checked)
        response = send_checked(prepare(method, url, headers, encoded, checked), checked, timeout)
        return StringIO.new(response.body.to_s.b) if binary
        return parse(response, url, type) if page.nil?

        load_page(response, url,
                  { method: method, path: path, query: query, headers: headers, body: body, multipart: multipart,
                    files: files, type: type, page: page, timeout: timeout, options: options, auth: auth })
      end

      private

      # The headers of one call: the key's authorization, then the method's (`auth` is the client option
      # of the key; a missing key raises here, before anything is sent).
      def method_headers(headers, binary, auth)
        headers = credential_headers(auth).merge(headers)
        binary ? headers.merge('accept' => BINARY) : headers
      end

      # The request as sent: method, URL, headers and payload (`encoded` is [content type, payload]).
      def prepare(method, url, headers, encoded, options)
        content_type, payload = encoded
        { method: method, url: url, headers: build_headers(method, content_type, headers, options), payload: payload }
      end

      # A page of the response's items; `request` repeats the request that gave it.
      def load_page(response, url, request)
        request[:page].new(client: self, request: request, body: parse(response, url, nil, Hash),
                           request_id: response_headers(response)[@request_id_header])
      end

      # The response of a successful attempt, with retries; the error of the last one else.
      def send_checked(prepared, options, timeout)
        prepared[:timeout] = options.fetch(:timeout, timeout || @timeout)
        response = send_with_retries(prepared, options.fetch(:max_retries, @max_retries))
        raise status_error(response, prepared[:url]) unless success?(response.code.to_i)

        response
      end

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

      def build_url(path, query, options)
        url = URI.parse(@base_url.chomp('/') + path)
        pairs = query.merge(string_keys(options[:extra_query] || {})).compact
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

      # [content type, payload], or [nil, nil] without a body.
      def encode_body(body, extra_body, multipart, files)
        return [nil, nil] if body.nil? && extra_body.nil?

        fields = (body || {}).merge(string_keys(extra_body || {}))
        return OpenAI::Internal::Multipart.encode(fields, files) if multipart

        ['application/json', JSON.generate(fields)]
      end

      # The client's headers, then the method's header parameters, the idempotency key and the
      # caller's extra headers (nil removes one).
      def build_headers(method, content_type, method_headers, options)
        headers = @headers.dup
        if content_type
          headers['content-type'] = content_type
        elsif BODY_METHODS.include?(method)
          headers['content-length'] = '0'
        end
        merge_headers(headers, method_headers)
        merge_headers(headers, IDEMPOTENCY_HEADER => options[:idempotency_key]) if options[:idempotency_key]
        merge_headers(headers, options[:extra_headers] || {})
      end

      # `extra` over `headers`: nil removes a header.
      def merge_headers(headers, extra)
        lower_keys(extra).each { |name, value| value.nil? ? headers.delete(name) : headers[name] = value.to_s }
        headers
      end

      # The parsed body loaded as `type`; with `shape`, the parsed body, which must be a `shape`.
      def parse(response, url, type, shape = nil)
        return nil if type.nil? && shape.nil?

        data = JSON.parse(response.body.to_s, symbolize_names: true)
        return load_result(data, type, response, url) if shape.nil?
        raise validation_error(response, url, 'Expected the response body to be a JSON object') unless data.is_a?(shape)

        data
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

      # The whole parsed JSON document (as the official gem's `body`), else the text; nil when empty.
      def error_body(text)
        return nil if text.strip.empty?

        JSON.parse(text, symbolize_names: true)
      rescue JSON::ParserError
        text.strip
      end

      # "Error code: 404 - <the API's message>", as the other SDKs of this API word it.
      def error_message(status, body)
        detail = OpenAI::Errors::APIError.error_object(body)[:message]
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
