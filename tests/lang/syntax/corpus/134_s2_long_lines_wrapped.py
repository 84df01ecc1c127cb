result = some_function_name(argument_number_one, argument_number_two, argument_number_three,
                            keyword_argument=value, another_keyword_argument=another_value)
total = (first_value + second_value + third_value
         - fourth_value * fifth_value
         / sixth_value)
