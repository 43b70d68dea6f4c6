# frozen_string_literal: true

# Runs one conformance scenario through the generated Ruby gem: reads the scenario input as JSON on
# stdin, makes the call, prints the outcome as one JSON line on stdout. The gem is loaded by name
# (`require` of the library given as the first argument) from the load path the caller sets with -I.
require 'json'
require 'pathname'
require 'tmpdir'

library, module_name = ARGV
require library
sdk = Object.const_get(module_name)

input = JSON.parse($stdin.read)
client_options = input.fetch('client', {})
call = input.fetch('call')

# The snake_case option names of the scenario table are the Ruby keyword names.
CLIENT_KEYS = %w[organization project max_retries timeout default_headers].freeze
CALL_KEYS = %w[timeout max_retries extra_headers extra_query extra_body].freeze

def error_outcome(error, sdk)
  if error.is_a?(ArgumentError)
    return { 'class' => 'InvalidArgument', 'status' => nil, 'request_id' => nil, 'code' => nil,
             'param' => nil, 'type' => nil, 'message' => error.message }
  end
  raise error unless error.is_a?(sdk::Errors::APIError)

  { 'class' => error.class.name.split('::').last, 'status' => error.status, 'request_id' => error.request_id,
    'code' => error.code, 'param' => error.param, 'type' => error.type, 'message' => error.message }
end

# The call's keywords: `kwargs` and `params` (wire names, which are the keyword names of the bundled
# spec), and `file`, written to a temporary file and passed as a Pathname, as the official README does.
def keywords(call, dir)
  out = call.fetch('kwargs', {}).merge(call.fetch('params', {})).transform_keys(&:to_sym)
  file = call['file']
  if file
    path = Pathname(dir).join(file.fetch('filename'))
    path.binwrite(file.fetch('content'))
    out[file.fetch('param').to_sym] = path
  end
  out
end

# `paginate`: every item across pages, with auto_paging_each; `binary`: the StringIO's bytes as text.
def outcome_of(result, call)
  if call['paginate']
    items = []
    result.auto_paging_each { |item| items << JSON.parse(JSON.generate(item)) }
    return { 'ok' => true, 'result' => { 'items' => items }, 'request_id' => result.request_id }
  end
  return { 'ok' => true, 'result' => { 'text' => result.read.force_encoding('UTF-8') } } if call['binary']

  { 'ok' => true, 'result' => JSON.parse(JSON.generate(result)), 'request_id' => result.request_id }
end

outcome =
  Dir.mktmpdir do |dir|
    kwargs = client_options.slice(*CLIENT_KEYS).transform_keys(&:to_sym)
    client = sdk::Client.new(api_key: input.fetch('api_key'), base_url: input.fetch('base_url'), **kwargs)
    resource = call.fetch('resource').split('.').reduce(client) { |owner, name| owner.public_send(name) }
    request_options = call.fetch('options', {}).slice(*CALL_KEYS).transform_keys(&:to_sym)
    result = resource.public_send(call.fetch('method'), *call.fetch('args', []), **keywords(call, dir),
                                  request_options: request_options)
    outcome_of(result, call)
  rescue ArgumentError, sdk::Errors::Error => e
    { 'ok' => false, 'error' => error_outcome(e, sdk) }
  end

$stdout.puts(JSON.generate(outcome))
