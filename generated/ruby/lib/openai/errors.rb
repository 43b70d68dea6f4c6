# frozen_string_literal: true

module OpenAI
  # Every error this SDK raises on purpose.
  module Errors
    # The base of every error of this SDK.
    class Error < StandardError
    end

    # A request that did not end in a successful response.
    class APIError < OpenAI::Errors::Error
      # @return [URI::Generic] the URL of the request
      attr_reader :url

      # @return [Integer, nil] the HTTP status, nil when no response was received
      attr_reader :status

      # @return [Hash{String=>String}] the response headers, lower-case names; empty without a response
      attr_reader :headers

      # @return [Object, nil] the whole response body, as the official gem's `body`: parsed JSON
      #   (Symbol keys, `{error: {...}}` as it came), else its text
      attr_reader :body

      # @return [String, nil] `code` of the error object in the body (`error` of `{"error": {...}}`)
      attr_reader :code

      # @return [String, nil] `param` of the error object in the body
      attr_reader :param

      # @return [String, nil] `type` of the error object in the body
      attr_reader :type

      # @return [String, nil] the `x-request-id` response header
      attr_reader :request_id

      # @api private
      #
      # @param url [URI::Generic]
      # @param message [String]
      # @param status [Integer, nil]
      # @param headers [Hash{String=>String}]
      # @param body [Object, nil]
      # @param request_id [String, nil]
      def initialize(url:, message:, status: nil, headers: {}, body: nil, request_id: nil)
        @url = url
        @status = status
        @headers = headers
        @body = body
        @request_id = request_id
        details = self.class.error_object(body)
        @code = string_or_nil(details[:code])
        @param = string_or_nil(details[:param])
        @type = string_or_nil(details[:type])
        super(message)
      end

      # @api private
      #
      # The error object of a response body: `error` of `{"error": {...}}`, else the body itself.
      #
      # @param body [Object, nil]
      # @return [Hash{Symbol=>Object}]
      def self.error_object(body)
        return {} unless body.is_a?(Hash)

        body[:error].is_a?(Hash) ? body[:error] : body
      end

      private

      def string_or_nil(value)
        value&.to_s
      end
    end

    # A response with a status that is not 2xx.
    class APIStatusError < OpenAI::Errors::APIError
      # The class for a status: the subclass that names it, else APIStatusError.
      #
      # @param status [Integer]
      # @return [Class<APIStatusError>]
      def self.for_status(status)
        return InternalServerError if status >= 500

        STATUS_CLASSES.fetch(status, APIStatusError)
      end
    end

    # HTTP 400.
    class BadRequestError < APIStatusError
      # The status this error stands for.
      HTTP_STATUS = 400
    end

    # HTTP 401.
    class AuthenticationError < APIStatusError
      # The status this error stands for.
      HTTP_STATUS = 401
    end

    # HTTP 403.
    class PermissionDeniedError < APIStatusError
      # The status this error stands for.
      HTTP_STATUS = 403
    end

    # HTTP 404.
    class NotFoundError < APIStatusError
      # The status this error stands for.
      HTTP_STATUS = 404
    end

    # HTTP 409.
    class ConflictError < APIStatusError
      # The status this error stands for.
      HTTP_STATUS = 409
    end

    # HTTP 422.
    class UnprocessableEntityError < APIStatusError
      # The status this error stands for.
      HTTP_STATUS = 422
    end

    # HTTP 429.
    class RateLimitError < APIStatusError
      # The status this error stands for.
      HTTP_STATUS = 429
    end

    # HTTP 500 and above.
    class InternalServerError < APIStatusError
      # The status this error stands for.
      HTTP_STATUS = (500..)
    end

    # @api private
    #
    # The error class of each status that has its own.
    STATUS_CLASSES = [
      BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError,
      UnprocessableEntityError, RateLimitError
    ].to_h { |cls| [cls::HTTP_STATUS, cls] }.freeze

    # A successful response whose body is not what the method returns (e.g. not valid JSON).
    class APIResponseValidationError < OpenAI::Errors::APIError
    end

    # No response: the connection failed or was closed.
    class APIConnectionError < OpenAI::Errors::APIError
      # @api private
      #
      # @param url [URI::Generic]
      # @param message [String]
      def initialize(url:, message: 'Connection error.')
        super(url: url, message: message)
      end
    end

    # No response within the timeout.
    class APITimeoutError < OpenAI::Errors::APIConnectionError
      # @api private
      #
      # @param url [URI::Generic]
      # @param message [String]
      def initialize(url:, message: 'Request timed out.')
        super
      end
    end
  end
end
