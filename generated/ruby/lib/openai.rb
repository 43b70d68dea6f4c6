# frozen_string_literal: true

require 'json'
require 'net/http'
require 'openssl'
require 'pathname'
require 'securerandom'
require 'stringio'
require 'time'
require 'uri'
require 'zlib'

require_relative 'openai/version'
require_relative 'openai/errors'
require_relative 'openai/internal/enum'
require_relative 'openai/internal/coerce'
require_relative 'openai/internal/base_model'
require_relative 'openai/internal/path'
require_relative 'openai/internal/params'
require_relative 'openai/internal/retry_policy'
require_relative 'openai/internal/redirect'
require_relative 'openai/internal/connection_pool'
require_relative 'openai/internal/request_options'
require_relative 'openai/internal/multipart'
require_relative 'openai/internal/base_client'
require_relative 'openai/file_part'
require_relative 'openai/internal/cursor_page'
require_relative 'openai/models/batch'
require_relative 'openai/models/batch_error'
require_relative 'openai/models/file_object'
require_relative 'openai/models/file_deleted'
require_relative 'openai/models/batch_request_counts'
require_relative 'openai/models/batch_usage'
require_relative 'openai/models/batch_create_params'
require_relative 'openai/models/batch_list_params'
require_relative 'openai/models/file_create_params'
require_relative 'openai/models/file_list_params'
require_relative 'openai/resources/batches'
require_relative 'openai/resources/files'
require_relative 'openai/client'

# Client library for the OpenAI REST API.
module OpenAI
  # {Models::Batch}, also reachable here as in the official gem.
  Batch = Models::Batch
  # {Models::BatchError}, also reachable here as in the official gem.
  BatchError = Models::BatchError
  # {Models::FileObject}, also reachable here as in the official gem.
  FileObject = Models::FileObject
  # {Models::FileDeleted}, also reachable here as in the official gem.
  FileDeleted = Models::FileDeleted
  # {Models::BatchRequestCounts}, also reachable here as in the official gem.
  BatchRequestCounts = Models::BatchRequestCounts
  # {Models::BatchUsage}, also reachable here as in the official gem.
  BatchUsage = Models::BatchUsage
  # {Models::BatchCreateParams}, also reachable here as in the official gem.
  BatchCreateParams = Models::BatchCreateParams
  # {Models::BatchListParams}, also reachable here as in the official gem.
  BatchListParams = Models::BatchListParams
  # {Models::FileCreateParams}, also reachable here as in the official gem.
  FileCreateParams = Models::FileCreateParams
  # {Models::FileListParams}, also reachable here as in the official gem.
  FileListParams = Models::FileListParams
end
