# frozen_string_literal: true

module OpenAI
  # OpenAI API
  #
  # Client library for the OpenAI REST API.
  #
  # @example
  #   client = OpenAI::Client.new(api_key: ENV.fetch('OPENAI_API_KEY'))
  class Client < OpenAI::Internal::BaseClient
    # Retries after a failed attempt, unless a call's `request_options` says otherwise.
    DEFAULT_MAX_RETRIES = 2
    # Seconds to wait for connecting, writing and each read.
    DEFAULT_TIMEOUT_IN_SECONDS = 600.0
    # Seconds before the first retry; doubles with each retry up to DEFAULT_MAX_RETRY_DELAY.
    DEFAULT_INITIAL_RETRY_DELAY = 0.5
    # The longest wait between two attempts, in seconds.
    DEFAULT_MAX_RETRY_DELAY = 8.0
    # Used when neither `base_url:` nor `OPENAI_BASE_URL` gives one.
    DEFAULT_BASE_URL = 'https://api.openai.com/v1'
    # The message of the ArgumentError raised without an API key.
    MISSING_API_KEY = 'The api_key client option must be set either by passing api_key to the client ' \
                      'or by setting the OPENAI_API_KEY environment variable'

    # @return [String, nil] The organization that requests are billed and attributed to.
    attr_reader :organization

    # @return [String, nil] The project that requests are attributed to.
    attr_reader :project

    # @return [::OpenAI::Resources::Batches] Create and manage batches of API requests that run
    #   asynchronously.
    attr_reader :batches

    # @return [::OpenAI::Resources::Files] Upload files for use with batches and other endpoints,
    #   and download their contents.
    attr_reader :files

    # @param api_key [String, nil] defaults to `ENV['OPENAI_API_KEY']`
    # @param organization [String, nil] The organization that requests are billed and attributed to.
    #   Defaults to `ENV['OPENAI_ORG_ID']`.
    # @param project [String, nil] The project that requests are attributed to. Defaults to
    #   `ENV['OPENAI_PROJECT_ID']`.
    # @param base_url [String, nil] defaults to `ENV['OPENAI_BASE_URL']`, then DEFAULT_BASE_URL
    # @param max_retries [Integer] retries after a failed attempt
    # @param timeout [Float, nil] seconds to wait for connecting, writing and each read; nil waits forever
    # @param initial_retry_delay [Float] seconds before the first retry
    # @param max_retry_delay [Float] the longest wait between two attempts, in seconds
    # @param default_headers [Hash{String=>String}] sent with every request
    # @raise [ArgumentError] when there is no API key
    def initialize(
      api_key: ENV.fetch('OPENAI_API_KEY', nil),
      organization: ENV.fetch('OPENAI_ORG_ID', nil),
      project: ENV.fetch('OPENAI_PROJECT_ID', nil),
      base_url: ENV.fetch('OPENAI_BASE_URL', nil),
      max_retries: DEFAULT_MAX_RETRIES,
      timeout: DEFAULT_TIMEOUT_IN_SECONDS,
      initial_retry_delay: DEFAULT_INITIAL_RETRY_DELAY,
      max_retry_delay: DEFAULT_MAX_RETRY_DELAY,
      default_headers: {}
    )
      raise ArgumentError, MISSING_API_KEY if api_key.nil?

      @api_key = api_key.to_s
      @organization = organization&.to_s
      @project = project&.to_s
      # What `with_options` copies.
      @settings = {
        api_key: @api_key,
        organization: @organization,
        project: @project,
        base_url: base_url,
        max_retries: max_retries,
        timeout: timeout,
        initial_retry_delay: initial_retry_delay,
        max_retry_delay: max_retry_delay,
        default_headers: default_headers
      }
      retry_policy = OpenAI::Internal::RetryPolicy.new(
        initial_delay: initial_retry_delay, max_delay: max_retry_delay
      )
      super(
        base_url: base_url || DEFAULT_BASE_URL,
        timeout: timeout,
        max_retries: max_retries,
        retry_policy: retry_policy,
        headers: default_request_headers.merge(default_headers),
        request_id_header: 'x-request-id'
      )
      @batches = ::OpenAI::Resources::Batches.new(client: self)
      @files = ::OpenAI::Resources::Files.new(client: self)
    end

    # A new client with this one's settings, except `overrides` (any argument of `new`), as the
    # official gem's `with_options`; this client is unchanged. `default_headers:` are merged into this
    # client's (nil removes one; `default_headers: nil` removes them all).
    #
    # @example
    #   client.with_options(max_retries: 0, timeout: 5.0).batches.retrieve('batch_abc')
    #
    # @param overrides [Hash{Symbol=>Object}]
    # @return [OpenAI::Client]
    def with_options(**overrides)
      headers = overrides.key?(:default_headers) ? overrides[:default_headers] : {}
      headers = headers.nil? ? {} : @settings[:default_headers].merge(headers).compact
      self.class.new(**@settings, **overrides, default_headers: headers)
    end

    # The API key is left out, so that logging a client cannot leak it.
    #
    # @return [String]
    def inspect
      "#<#{self.class.name} base_url=#{base_url.inspect} max_retries=#{max_retries} timeout=#{timeout}>"
    end
    alias to_s inspect

    private

    # @api private
    #
    # The authorization header of a call that uses the key of the client option `credential`.
    #
    # @param credential [Symbol] `:api_key`
    # @return [Hash{String=>String}]
    # @raise [ArgumentError] when the client was not given that key
    def credential_headers(credential)
      raise ArgumentError, "unknown credential #{credential}" unless credential == :api_key

      { 'authorization' => "Bearer #{@api_key}" }
    end

    def default_request_headers
      headers = {
        'accept' => 'application/json',
        'user-agent' => format(
          '%<name>s/Ruby %<version>s',
          name: 'OpenAI',
          version: OpenAI::VERSION
        )
      }
      headers['openai-organization'] = @organization unless @organization.nil?
      headers['openai-project'] = @project unless @project.nil?
      headers
    end
  end
end
