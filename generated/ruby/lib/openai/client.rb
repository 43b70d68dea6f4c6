# frozen_string_literal: true

require 'json'
require 'net/http'
require 'uri'

module OpenAI
  # The entry point of the SDK: holds the connection settings and the resources.
  class Client
    attr_reader :batches

    def initialize(api_key: ENV.fetch('OPENAI_API_KEY', nil), base_url: nil, timeout: 600.0)
      raise ArgumentError, 'api_key is required: pass it or set OPENAI_API_KEY' if api_key.nil?

      @api_key = api_key
      @base_url = base_url || ENV.fetch('OPENAI_BASE_URL', nil) || 'https://api.openai.com/v1'
      @timeout = timeout
      @batches = Resources::Batches.new(self)
    end

    def inspect
      "#<#{self.class.name} base_url=#{@base_url.inspect}>"
    end

    def request(method, path)
      uri = URI.parse(@base_url.chomp('/') + path)
      request = Net::HTTPGenericRequest.new(method, false, true, uri)
      request['Authorization'] = "Bearer #{@api_key}"
      request['Accept'] = 'application/json'
      response = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == 'https', read_timeout: @timeout) do |http|
        http.request(request)
      end
      raise "HTTP #{response.code}" unless response.code.to_i < 300

      JSON.parse(response.body)
    end
  end
end
