# frozen_string_literal: true

Gem::Specification.new do |spec|
  spec.name = 'openai'
  spec.version = '0.1.0'
  spec.summary = 'OpenAI API'
  spec.authors = ['OpenAI API']
  spec.files = Dir['lib/**/*.rb', 'sig/**/*.rbs']
  spec.required_ruby_version = '>= 3.1'
end
