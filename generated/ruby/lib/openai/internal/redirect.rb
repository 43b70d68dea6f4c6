# frozen_string_literal: true

module OpenAI
  # @api private
  #
  # The machinery behind the client and the models; not part of the public interface.
  module Internal
    # Follows redirects as the Python SDK's HTTP client (httpx) does: 303, and 301/302 after a
    # POST, turn into a bodiless GET; 307 and 308 repeat the request as it was. The Authorization
    # header is not sent to another origin.
    module Redirect
      # The statuses that redirect.
      STATUSES = [301, 302, 303, 307, 308].freeze
      # More redirects than this in one attempt is a connection error.
      LIMIT = 20
      # Headers that describe a body, dropped when the redirect drops the body.
      BODY_HEADERS = %w[content-type content-length].freeze

      module_function

      # The request to send next, or nil when `response` is not a redirect to follow.
      #
      # @param prepared [Hash{Symbol=>Object}] the request that got `response`
      # @param response [Net::HTTPResponse]
      # @return [Hash{Symbol=>Object}, nil]
      def follow(prepared, response)
        status = response.code.to_i
        location = response['location']
        return nil unless STATUSES.include?(status) && location && !location.empty?

        url = prepared[:url].merge(location)
        method = redirect_method(prepared[:method], status)
        keeps_body = method == prepared[:method]
        prepared.merge(method: method, url: url, headers: redirect_headers(prepared, url, keeps_body),
                       payload: keeps_body ? prepared[:payload] : nil)
      end

      def redirect_headers(prepared, url, keeps_body)
        headers = prepared[:headers].dup
        headers.delete('authorization') unless same_origin?(prepared[:url], url)
        BODY_HEADERS.each { |name| headers.delete(name) } unless keeps_body
        headers
      end

      def redirect_method(method, status)
        return 'GET' if status == 303 && method != 'HEAD'
        return 'GET' if status == 302 && method != 'HEAD'
        return 'GET' if status == 301 && method == 'POST'

        method
      end

      def same_origin?(from, to)
        [from.scheme, from.host, from.port] == [to.scheme, to.host, to.port]
      end
      private_class_method :redirect_headers, :redirect_method, :same_origin?
    end
  end
end
