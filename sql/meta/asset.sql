SELECT content FROM assets WHERE name = $name;
