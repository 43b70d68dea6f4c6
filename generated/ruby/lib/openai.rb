# frozen_string_literal: true

require_relative 'openai/client'
require_relative 'openai/models/batch'
require_relative 'openai/models/batch_error'
require_relative 'openai/models/batch_request_counts'
require_relative 'openai/models/batch_usage'
require_relative 'openai/resources/batches'
